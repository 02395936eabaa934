package dev.cfpbot.app;

import static dev.cfpbot.app.ConsoleEndToEndTest.HALF;
import static dev.cfpbot.app.ConsoleEndToEndTest.REST;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A speaker's data rights on the console, through the real entry point: see, delete, expire. */
class ConsoleDataRightsTest {
  @TempDir Path dataDir;

  private ConsoleRun run(String input, String... args) {
    return ConsoleRun.run(dataDir, Map.of(), input, args);
  }

  static final String PROPOSAL_HEAD = "【GZ-01 《从零到生产：我们的 Docker 迁移之路》】Techparty 广州 · Docker 技术沙龙\n";
  static final String HISTORY =
      "记录：\n" + "2027-10-20 12:00 创建草稿\n" + "2027-10-20 12:00 草稿（未提交） → 已提交，等待评选（你）";

  @Test
  void myData_showsEverythingStored_thenForget_leavesOnlyATombstone() {
    String user = System.getProperty("user.name", "local");

    ConsoleRun run = run(HALF + REST + "/mydata\n/forget\n确认删除\n/status\n");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains(
            "📋 我们保存的关于你的全部数据（只发给你本人；时间为 Asia/Shanghai 时间）：\n\n"
                + "【资料】\n"
                + "渠道：console（账号 local）\n"
                + "名字（由平台提供）："
                + user
                + "\n"
                + "语言：中文\n"
                + "截止前提醒：开\n"
                + "首次联系：2027-10-20 12:00\n\n"
                + PROPOSAL_HEAD
                + "状态：已提交，等待评选\n"
                + "创建 2027-10-20 12:00 · 提交 2027-10-20 12:00 · 最后修改 2027-10-20 12:00\n"
                + "姓名：张三\n"
                + "自我介绍：我是一名运维工程师，负责公司的容器平台。\n"
                + "微信号：zhangsan_docker\n"
                + "联系电话：+8613800138000\n"
                + "演讲主题：从零到生产：我们的 Docker 迁移之路\n"
                + "主题简要介绍：介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。\n"
                + HISTORY
                + "\n\n"
                + "【文件】\n"
                + "没有文件。\n\n"
                + "要删除这些数据，发送「删除我的数据」（/forget）。\n\n")
        .contains(
            "⚠️ 确定要删除你的全部数据吗？将会删除：\n"
                + "• 你的资料：名字「"
                + user
                + "」、语言和提醒设置\n"
                + "• 1 个投稿的全部回答（包括未确认的修改）：GZ-01 《从零到生产：我们的 Docker 迁移之路》。"
                + "编号会保留并标记为「已删除」，组织者的统计不受影响，他们会收到一条只有编号的通知\n"
                + "• 我们的对话进度\n"
                + "删除后无法恢复。回复「确认删除」执行；发送其他任何内容都会取消。\n\n")
        .contains(
            "✅ 你的数据已全部删除，无法恢复。投稿编号 GZ-01 保留为「已删除」，组织者已收到通知（不含你的任何信息）。"
                + "如果再给我发消息，会作为新用户重新开始。\n\n"
                + "[organizers] 🗑 一位讲者删除了自己的数据：GZ-01。编号保留，内容已删除。\n\n"
                + "你还没有投稿。发送「投稿」开始。\n\n");

    ConsoleRun export = run("", "export", "--format", "csv");
    String[] lines = export.out().split("\r\n");
    assertThat(lines)
        .containsExactly(
            "\uFEFFid,event,state,submitted_at,updated_at,decided_at,withdrawn_at,speaker,channel,"
                + "姓名,自我介绍,微信号,联系电话,演讲主题,主题简要介绍,演讲稿",
            "GZ-01,gz-2027-10-docker,deleted,2027-10-20T12:00:00+08:00,2027-10-20T12:00:00+08:00"
                + ",".repeat(11));
  }

  @Test
  void forget_anythingButTheConfirmWord_cancels_andKeepsEverything() {
    ConsoleRun run = run(HALF + REST + "/forget\n好的\n/status\n");

    assertThat(run.out())
        .contains("删除后无法恢复。回复「确认删除」执行；发送其他任何内容都会取消。\n\n好的，已取消，什么都没有删除。\n\n")
        .contains("你的投稿：\n• GZ-01 《从零到生产：我们的 Docker 迁移之路》 — 已提交，等待评选 · Techparty 广州 · Docker 技术沙龙")
        .doesNotContain("[organizers] 🗑");
  }

  /** 2028-04-29 08:00 in Shanghai: the seed event ended on 2027-10-31, 181 days before. */
  static final Instant PAST_RETENTION = Instant.parse("2028-04-29T00:00:00Z");

  @Test
  void retention_pastTheEventAndItsDays_leavesAnAcceptedTalkItsNameTitleAndAbstract()
      throws Exception {
    run(HALF + REST + "/accept GZ-01\n");
    String kept =
        PROPOSAL_HEAD
            + "状态：已接受\n"
            + "创建 2027-10-20 12:00 · 提交 2027-10-20 12:00 · 评选 2027-10-20 12:00 · 最后修改 2027-10-20 12:00\n"
            + "姓名：张三\n"
            + "演讲主题：从零到生产：我们的 Docker 迁移之路\n"
            + "主题简要介绍：介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。\n"
            + HISTORY
            + "\n2027-10-20 12:00 已提交，等待评选 → 已接受（组织者）\n\n";

    // The purge runs on the scheduler's first tick, beside the chat: ask until it shows.
    java.io.PipedOutputStream typing = new java.io.PipedOutputStream();
    java.io.PipedInputStream in = new java.io.PipedInputStream(typing);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Clock later = Clock.fixed(PAST_RETENTION, ZoneOffset.UTC);
    var bot =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> ConsoleRun.run(dataDir, Map.of(), later, in, out));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(
            () -> {
              typing.write("/mydata\n".getBytes(StandardCharsets.UTF_8));
              typing.flush();
              return out.toString(StandardCharsets.UTF_8).contains(kept);
            });
    typing.close();
    assertThat(bot.get(20, java.util.concurrent.TimeUnit.SECONDS).exit()).isZero();

    String[] lines = run("", "export", "--format", "csv").out().split("\r\n");
    assertThat(lines[1])
        .startsWith("GZ-01,gz-2027-10-docker,accepted,")
        .endsWith(",console,张三,,,,从零到生产：我们的 Docker 迁移之路,介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。,");
  }
}
