package dev.cfpbot.conversation;

import java.util.List;

/** The shipped seed form: its questions as asked, typical answers, and ways to fill it in. */
final class SeedForm {
  static final String EVENT_TITLE = "Techparty 广州 · Docker 技术沙龙";
  static final String DEADLINE = "2027年10月30日（周六） 23:59 (Asia/Shanghai, UTC+8)";
  static final String CONTACT = "cfp@techparty-gz.example";

  static final String NAME = "张三";
  static final String BIO = "某互联网公司运维工程师，负责把 200 多个服务迁移到 Docker。";
  static final String WECHAT = "zhangsan_docker";
  static final String PHONE_TYPED = "138 0013 8000";
  static final String PHONE = "+8613800138000";
  static final String TITLE = "从零到生产：我们的 Docker 迁移之路";
  static final String ABSTRACT = "介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。";
  static final String SLIDES_LINK = "https://pan.baidu.com/s/1docker";

  static final String Q1 = "(1/7) 请问怎么称呼你？（姓名）";
  static final String Q2 = "(2/7) 请简单介绍一下自己：在哪里工作、做什么，和 Docker 有什么故事。";
  static final String Q3 = "(3/7) 你的微信号是？方便组织者加你沟通。\n（选填，可以发送「跳过」）";
  static final String Q4 = "(4/7) 你的联系电话是？（只有组织者能看到）";
  static final String Q5 = "(5/7) 你的演讲主题是？";
  static final String Q6 = "(6/7) 请简要介绍一下演讲的内容：讲什么、听众能收获什么。";
  static final String Q7 =
      "(7/7) 如果已经有演讲稿，可以直接发给我（PDF、PPT、PPTX、Keynote 或 ODP），也可以发网盘链接。\n（选填，可以发送「跳过」）";

  static final Choice SKIP = new Choice("跳过", "/skip");
  static final List<Choice> REVIEW_CHOICES =
      List.of(
          new Choice("✅ 确认", "/confirm"),
          new Choice("✏️ 修改", "/edit"),
          new Choice("取消", "/cancel"));

  private SeedForm() {}

  /**
   * A reply at the slides field of draft {@code submissionId}: it offers to skip and asks for a
   * file (channels add an upload link to it).
   */
  static Reply atSlides(String submissionId, String text) {
    return new Reply(
        text, List.of(SKIP), false, null, new UploadRequest(submissionId, "slides", false));
  }

  /** The typed answers in the order of the form, with {@code title} as the talk title. */
  static List<String> answers(String title) {
    return List.of(NAME, BIO, WECHAT, PHONE_TYPED, title, ABSTRACT, SLIDES_LINK);
  }

  /** Sends /start and answers the first {@code count} fields; returns the draft's id. */
  static String startAndAnswer(EngineHarness h, int count) {
    h.send("/start");
    String id = h.state.submissionId();
    answers(TITLE).stream().limit(count).forEach(h::send);
    return id;
  }

  /** Fills in the whole form with {@code title}; the draft is left at the summary. */
  static String fill(EngineHarness h, String title) {
    h.send("/start");
    String id = h.state.submissionId();
    answers(title).forEach(h::send);
    return id;
  }

  /** Fills in and confirms a proposal titled {@code title}; returns its id. */
  static String submit(EngineHarness h, String title) {
    String id = fill(h, title);
    h.send("/confirm");
    return id;
  }

  /** The summary's "label：value" lines for the answers of {@link #answers}. */
  static String block(String title) {
    return "姓名："
        + NAME
        + "\n自我介绍："
        + BIO
        + "\n微信号："
        + WECHAT
        + "\n联系电话："
        + PHONE
        + "\n演讲主题："
        + title
        + "\n主题简要介绍："
        + ABSTRACT
        + "\n演讲稿："
        + SLIDES_LINK;
  }
}
