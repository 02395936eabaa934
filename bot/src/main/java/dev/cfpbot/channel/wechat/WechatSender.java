package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.Outbound;
import dev.cfpbot.channel.SendResult;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one outbox message through the WeChat API and says what became of it. Announcements go out
 * as mass messages (a preview to one organizer first, followed by a note on WeChat's limits);
 * everything else as a customer-service message. When WeChat refuses one because the recipient has
 * not written for 48 hours, or the account's allowance towards them is spent, a template message
 * replaces it where one is configured; otherwise it is held (retried after {@link #HOLD}, and woken
 * as soon as the recipient writes) and counted in the digest meanwhile.
 */
final class WechatSender {
  private static final Logger log = LoggerFactory.getLogger(WechatSender.class);

  /** Outbound kinds with their own API: the shared /announce's post, follow-up and preview. */
  static final String ANNOUNCEMENT = "announcement";

  static final String ANNOUNCEMENT_UPDATE = "announcement-update";
  static final String ANNOUNCEMENT_PREVIEW = "announcement-preview";
  static final String MENU = "wechat-menu";

  /** Recipients of announcements: every follower, or a tag ({@code tag:<id>}). */
  static final String FOLLOWERS = "followers";

  static final String TAG = "tag:";

  /** How long a held message waits before it is tried again without being woken. */
  static final Duration HOLD = Duration.ofHours(12);

  /** 45015: the 48-hour window is closed; 45047: too many messages without an answer. */
  private static final Set<Integer> WINDOW_CLOSED = Set.of(45015, 45047);

  /**
   * The account's settings are wrong: nothing can be sent until the operator fixes them, so
   * messages wait (and a warning says what to fix) rather than fail one after another.
   */
  private static final Map<Integer, String> MISCONFIGURED =
      Map.of(
          40164, "add this server's outgoing IP address to the Official Account's IP whitelist",
          40125, "check " + WechatSettings.APP_SECRET,
          40013, "check " + WechatSettings.APP_ID);

  /**
   * Busy, rate limits, the access token (renewed once already by the library), and -99:
   * weixin-java's code for a call that got no answer (connection refused, timeout).
   */
  private static final Set<Integer> TRANSIENT = Set.of(-99, -1, 45009, 45011, 40001, 40014, 42001);

  private final WechatApi api;
  private final TemplateFallback templates;
  private final String limitsNote;

  /** What the API last said is wrong with the account's settings; null once a send succeeds. */
  private volatile String problem;

  /**
   * @param limitsNote sent to the organizer after a mass-message preview: WeChat's limits
   */
  WechatSender(WechatApi api, TemplateFallback templates, String limitsNote) {
    this.api = api;
    this.templates = templates;
    this.limitsNote = limitsNote;
  }

  /** Whether {@code kind} goes to the followers as a mass message. */
  static boolean isMass(String kind) {
    return kind.equals(ANNOUNCEMENT) || kind.equals(ANNOUNCEMENT_UPDATE);
  }

  /** The settings problem the API reported, until a send succeeds again; null when none. */
  String problem() {
    return problem;
  }

  SendResult send(Outbound m) {
    SendResult result = attempt(m);
    if (result instanceof SendResult.Sent) {
      problem = null;
    }
    return result;
  }

  private SendResult attempt(Outbound m) {
    try {
      switch (m.kind()) {
        case ANNOUNCEMENT, ANNOUNCEMENT_UPDATE -> {
          Long tag =
              m.recipient().startsWith(TAG) ? Long.valueOf(m.recipient().substring(4)) : null;
          return new SendResult.Sent(api.massSend(tag, m.text(), m.id()));
        }
        case ANNOUNCEMENT_PREVIEW -> {
          String id = api.preview(m.recipient(), m.text());
          courtesy(m.recipient(), limitsNote, "the note on mass-message limits");
          return new SendResult.Sent(id);
        }
        case MENU -> {
          api.installMenu();
          courtesy(m.recipient(), m.text(), "the menu's confirmation");
          return new SendResult.Sent(null);
        }
        default -> {
          api.text(m.recipient(), m.text());
          return new SendResult.Sent(null);
        }
      }
    } catch (WxErrorException e) {
      return refused(m, e.getError());
    } catch (RuntimeException e) {
      // Unreachable API, unreadable answer, a token that could not be fetched: try again later.
      return new SendResult.Retry(null, "wechat: " + mask(String.valueOf(e.getMessage())));
    }
  }

  /**
   * A text after the real work is done (the menu installed, the preview shown): not delivering it
   * does not undo that work, so a refusal is only logged.
   */
  private void courtesy(String openid, String text, String what) {
    try {
      api.text(openid, text);
    } catch (WxErrorException | RuntimeException e) {
      log.info("wechat: {} was not delivered", what);
    }
  }

  private SendResult refused(Outbound m, WxError error) {
    int code = error == null ? -1 : error.getErrorCode();
    String reason = "wechat " + code + ": " + mask(error == null ? "" : error.getErrorMsg());
    if (WINDOW_CLOSED.contains(code)) {
      return windowClosed(m, code);
    }
    if (MISCONFIGURED.containsKey(code)) {
      problem = code + ": " + MISCONFIGURED.get(code);
      log.warn(
          "wechat: the API refused the account's settings ({}): {}", code, MISCONFIGURED.get(code));
      return new SendResult.Retry(
          Duration.ofMinutes(10), reason + " (" + MISCONFIGURED.get(code) + ")");
    }
    if (code == 45065) {
      return new SendResult.Sent(null); // this mass message was sent already (same client id)
    }
    if (TRANSIENT.contains(code)) {
      return new SendResult.Retry(code == 45009 ? Duration.ofHours(1) : null, reason);
    }
    if (code == 45028) {
      return new SendResult.Failed(reason + " (no mass-send quota left this period)");
    }
    if (code == 43004) {
      return new SendResult.Failed(reason + " (the recipient no longer follows the account)");
    }
    if (code == 48001) {
      return new SendResult.Failed(
          reason + " (the account may not use this API: an unverified or test account?)");
    }
    return new SendResult.Failed(reason);
  }

  private SendResult windowClosed(Outbound m, int code) {
    if (templates.configured() && !m.kind().equals(MENU)) {
      try {
        return new SendResult.Sent("template:" + templates.send(api, m));
      } catch (WxErrorException | RuntimeException e) {
        log.warn(
            "wechat: the template message for a held {} was refused too: {}",
            m.kind(),
            e instanceof WxErrorException w && w.getError() != null
                ? w.getError().getErrorCode()
                : e.getClass().getSimpleName());
      }
    }
    return new SendResult.Retry(
        HOLD,
        "wechat "
            + code
            + ": the recipient has not written for 48 hours; held until they write to the account");
  }

  /** Access tokens never reach a log or an error report. */
  static String mask(String text) {
    return text.replaceAll("(access_token=)[^&\\s\"]+", "$1***");
  }
}
