package dev.cfpbot.testkit.wechat;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One follower of the account: follows it, submits a talk with the seed answers, and checks that
 * the receipt with the title comes back as the passive reply.
 *
 * @param think the most milliseconds to pause (at random) between two messages; 0: none
 * @param log where each message and its reply are shown; null: nowhere
 */
public record Follower(
    WechatClient wechat, String openid, String title, int think, PrintStream log) {

  /** The seed answers, from 投稿 to 确认, around {@code title}. */
  static List<String> script(String title) {
    return List.of(
        "投稿",
        "张三",
        "我是一名运维工程师，负责公司的容器平台。",
        "zhangsan_docker",
        "138 0013 8000",
        title,
        "介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。",
        "/skip",
        "确认");
  }

  /** One message and how long its passive reply took. */
  public record Step(String openid, String sent, long micros) {}

  /**
   * How a follower's submission went.
   *
   * @param problem what went wrong; null when it went through
   */
  public record Run(String openid, String problem, List<Step> steps) {
    public boolean ok() {
      return problem == null;
    }
  }

  public Run call() {
    List<Step> steps = new ArrayList<>();
    String reply = null;
    List<String> script = new ArrayList<>(List.of("[subscribe]"));
    script.addAll(script(title));
    for (String text : script) {
      if (think > 0 && !steps.isEmpty()) {
        long pause = ThreadLocalRandom.current().nextInt(think + 1);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
      }
      String xml =
          steps.isEmpty()
              ? WechatClient.eventXml(openid, "subscribe", null, wechat.now())
              : WechatClient.textXml(openid, text, WechatClient.nextMsgId(), wechat.now());
      long start = System.nanoTime();
      WechatClient.Response response;
      try {
        response = wechat.post(xml);
      } catch (RuntimeException e) {
        return new Run(openid, text + ": " + e.getMessage(), steps);
      }
      steps.add(new Step(openid, text, (System.nanoTime() - start) / 1000));
      say("→ " + text);
      if (response.status() != 200 || response.reply() == null) {
        say("← (" + response.status() + " " + response.body() + ")\n");
        return new Run(openid, text + ": HTTP " + response.status() + " " + response.body(), steps);
      }
      say("← " + response.reply().replace("\n", "\n  ") + "\n");
      reply = response.reply();
    }
    boolean receipt = reply.contains("投稿成功") && reply.contains(title);
    say(
        receipt
            ? "OK: the receipt came back as the passive reply, with the title."
            : "FAILED: no receipt with the title");
    return new Run(openid, receipt ? null : "no receipt with the title: " + reply, steps);
  }

  private void say(String line) {
    if (log != null) {
      log.println(line);
    }
  }
}
