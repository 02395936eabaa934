package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.Abilities;
import dev.cfpbot.channel.Capabilities;
import dev.cfpbot.channel.Channel;
import dev.cfpbot.channel.ChannelContext;
import dev.cfpbot.channel.ChannelStatus;
import dev.cfpbot.channel.InboundHandler;
import dev.cfpbot.channel.Outbound;
import dev.cfpbot.channel.Routes;
import dev.cfpbot.channel.SendResult;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import java.time.ZoneId;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WeChat Official Account: callbacks on {@code /wechat}, passive replies, and customer-service,
 * template and mass messages through the API. Texts only (no buttons: the replies already say what
 * to type), at most 2048 bytes of UTF-8 each.
 */
public final class WechatChannel implements Channel, ChannelStatus {
  public static final String NAME = "wechat";
  private static final Logger log = LoggerFactory.getLogger(WechatChannel.class);
  private static final Capabilities CAPABILITIES =
      new Capabilities(false, false, 2048, Capabilities.LengthUnit.UTF8_BYTES);

  private final WechatSettings settings;
  private final PassiveReplies passive = new PassiveReplies();
  private final WechatCallback callback;
  private final WechatSender sender;
  private final WechatLinks links;
  private final WechatCommands commands;
  private final WechatRehearsal rehearsal;
  private volatile boolean started;

  public WechatChannel(WechatSettings settings, ChannelContext context) {
    this.settings = settings;
    // Here, before the HTTP server opens, rather than in start(): callbacks that come before the
    // channel starts wait for it, and the wait is shorter by the second or so this takes.
    WechatXml.warmUp();
    WechatCipher cipher =
        settings.safeMode()
            ? new WechatCipher(settings.token(), settings.aesKey(), settings.appId())
            : null;
    this.callback =
        new WechatCallback(
            settings,
            cipher,
            context.storage(),
            context.messages(),
            context.config().bot().defaultLanguage(),
            passive,
            context.clock());
    ZoneId zone =
        context.config().events().stream()
            .findFirst()
            .map(EventConfig::timeZone)
            .orElse(ZoneId.of("Asia/Shanghai"));
    this.sender =
        new WechatSender(
            new WechatApi(settings),
            new TemplateFallback(
                settings.templateId(), settings.templateFields(), context.clock(), zone),
            limitsNote(settings, context));
    this.links =
        new WechatLinks(
            context.storage(),
            context.messages(),
            context.config().bot().defaultLanguage(),
            context.config().bot().organizerLanguage(),
            context.uploads(),
            context.downloads());
    this.commands =
        new WechatCommands(context.messages(), context.config().bot().organizerLanguage());
    this.rehearsal = new WechatRehearsal(settings.token(), cipher, context.clock());
    settings.warnings().forEach(warning -> log.warn("wechat: {}", warning));
    if (context.uploads() == null) {
      log.warn(
          "wechat: CFPBOT_PUBLIC_URL is not set, so there is no upload page: speakers can send"
              + " their slides only as cloud-drive links");
    }
  }

  /** What organizers read after a mass-message preview: where it will go, and how often. */
  private static String limitsNote(WechatSettings settings, ChannelContext context) {
    Lang lang = context.config().bot().organizerLanguage();
    Messages messages = context.messages();
    String target =
        settings.announceTag() == null
            ? messages.text(lang, "wechat.announce.followers")
            : messages.text(lang, "wechat.announce.tag", "tag", settings.announceTag());
    return messages.text(lang, "wechat.announce.limits", "target", target);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  /**
   * Callbacks on {@code /wechat}; upload requests and exports as links in the text (an Official
   * Account cannot receive or send files); {@code /menu}; its state for {@code /health}; a start-up
   * rehearsal of followers submitting, since WeChat waits for each answer.
   */
  @Override
  public Abilities abilities() {
    return Abilities.NONE
        .withHttp(
            routes -> {
              routes.get("/wechat", callback::verify);
              routes.post("/wechat", callback::receive);
            })
        .withLinks(links::render)
        .withCommands(commands::all)
        .withStatus(this)
        .withRehearsal(rehearsal);
  }

  /**
   * Organizers are openids: alerts go to each of them, and they alone run organizer commands.
   * Announcements are mass messages to the followers (or a tag); routine posts are not, since
   * WeChat rations mass messages (a few a month).
   */
  @Override
  public Routes routes() {
    return new Routes(
        settings.organizers(),
        Set.copyOf(settings.organizers()),
        false,
        settings.community(),
        null,
        false);
  }

  @Override
  public void start(InboundHandler handler) {
    callback.start(handler);
    started = true;
    log.info(
        "wechat: receiving callbacks on /wechat ({}), {} organizer(s)",
        settings.safeMode() ? "safe mode: encrypted messages only" : "plain mode",
        settings.organizers().size());
  }

  @Override
  public SendResult send(Outbound message) {
    if (!WechatSender.isMass(message.kind())) {
      try {
        passive.awaitQuiet(message.recipient());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SendResult.Retry(null, "interrupted");
      }
    }
    return sender.send(message);
  }

  /** For /health: whether callbacks are taken, and whether the API takes the account's keys. */
  @Override
  public String status() {
    String problem = sender.problem();
    if (problem != null) {
      return "the WeChat API refuses the account's settings (" + problem + ")";
    }
    if (!started) {
      return "not started";
    }
    return settings.safeMode() ? "callbacks (safe mode, encrypted only)" : "callbacks (plain mode)";
  }

  @Override
  public boolean healthy() {
    return sender.problem() == null;
  }

  @Override
  public void stop() {
    started = false;
    callback.stop();
  }
}
