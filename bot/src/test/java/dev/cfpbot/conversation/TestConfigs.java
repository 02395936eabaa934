package dev.cfpbot.conversation;

import java.time.LocalDate;

/** Small configs for the cases the shipped one does not have. */
public final class TestConfigs {
  /** A two-field form: the talk title and the slides. */
  static final String SHORT_FORM =
      """
      form:
        fields:
          - id: title
            type: short_text
            role: title
            required: true
            label: {zh: 演讲主题, en: Talk title}
            prompt: {zh: 你的演讲主题是？, en: "What is the title of your talk?"}
          - id: slides
            type: file
            required: false
            label: {zh: 演讲稿, en: Slides}
            prompt: {zh: 请发送演讲稿。, en: Please send your slides.}
      """;

  /**
   * The talk's title (its field named "talk": the title is a role, not an id), its length and its
   * level to choose.
   */
  public static final String CHOICE_FORM =
      """
      form:
        fields:
          - id: talk
            type: short_text
            role: title
            required: true
            label: {zh: 演讲主题, en: Talk title}
            prompt: {zh: 你的演讲主题是？, en: "What is the title of your talk?"}
          - id: length
            type: choice
            required: true
            label: {zh: 时长, en: Length}
            prompt: {zh: 你的演讲需要多长时间？, en: "How long is your talk?"}
            options:
              - {id: "30", label: {zh: 30 分钟, en: 30 minutes}}
              - {id: "45", label: {zh: 45 分钟, en: 45 minutes}}
          - id: level
            type: choice
            required: false
            label: {zh: 难度, en: Level}
            prompt: {zh: 适合什么水平的听众？, en: "Who is it for?"}
            options:
              - {id: beginner, label: {zh: 入门, en: Beginner}}
              - {id: advanced, label: {zh: 进阶, en: Advanced}}
      """;

  /** A form with an email and a url field. */
  static final String CONTACT_FORM =
      """
      form:
        fields:
          - id: name
            type: short_text
            required: true
            label: {zh: 姓名, en: Name}
            prompt: {zh: 请问怎么称呼你？, en: "What is your name?"}
          - id: email
            type: email
            required: true
            label: {zh: 邮箱, en: Email}
            prompt: {zh: 你的邮箱是？, en: "Your email address?"}
          - id: homepage
            type: url
            required: false
            label: {zh: 个人主页, en: Homepage}
            prompt: {zh: 你的个人主页是？, en: "Your homepage?"}
      """;

  /** Shenzhen: open until 2027-11-20 23:59, the event on 2027-11-21. */
  static final String SHENZHEN =
      event("sz-2027-11-k8s", "SZ", "深圳 · Kubernetes 沙龙", "2027-11-20T23:59", null);

  /** Guangzhou: open until 2027-10-30 23:59, the event on 2027-10-31. */
  public static final String GUANGZHOU =
      event("gz-2027-10-docker", "GZ", "广州 · Docker 沙龙", "2027-10-30T23:59", null);

  /** Beijing: closed on 2027-09-15 23:59. */
  static final String BEIJING_CLOSED =
      event("bj-2027-09-go", "BJ", "北京 · Go 沙龙", "2027-09-15T23:59", null);

  /** Shanghai: opens on 2027-10-15 08:00, closes on 2027-11-30 23:59. */
  static final String SHANGHAI_LATER =
      event("sh-2027-12-rust", "SH", "上海 · Rust 沙龙", "2027-11-30T23:59", "2027-10-15T08:00");

  private TestConfigs() {}

  /** A config with {@code form}, at most {@code max} proposals per speaker, and {@code events}. */
  public static String config(int max, String form, String... events) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("bot:\n  max_submissions_per_speaker: ").append(max).append("\nevents:\n");
    for (String event : events) {
      yaml.append(event);
    }
    return yaml.append(form).toString();
  }

  static String event(String id, String prefix, String title, String deadline, String opensAt) {
    LocalDate starts = LocalDate.parse(deadline.substring(0, 10)).plusDays(1);
    return "  - id: "
        + id
        + "\n    code_prefix: "
        + prefix
        + "\n    title: "
        + title
        + "\n    contact: cfp@example.org"
        + "\n    starts_at: "
        + starts
        + "T13:30"
        + "\n    deadline: "
        + deadline
        + (opensAt == null ? "" : "\n    opens_at: " + opensAt)
        + "\n";
  }
}
