package dev.cfpbot.channel.telegram;

import dev.cfpbot.channel.Outbound;
import dev.cfpbot.channel.SendResult;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.links.UploadLinks;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.pinnedmessages.PinChatMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends one outbound message: HTML with everything escaped (the text is the speakers' and the
 * config's, never markup), the choices as buttons, files re-sent by file id or uploaded, and the
 * outcome mapped for the outbox (429 and server errors are retried, refusals are not).
 */
final class TelegramSender {
  private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
  private static final int MAX_CAPTION = 1024;

  private final TelegramSettings settings;
  private final TelegramClient client;
  private final SendMessageCall sendMessage;
  private final TelegramLimits limits;
  private final FileStore files;
  private final UploadLinks uploads;
  private final String botUsername;

  /** Chats showing the share-my-number keyboard, to be taken away with the next message. */
  private final Set<String> withReplyKeyboard = ConcurrentHashMap.newKeySet();

  TelegramSender(
      TelegramSettings settings,
      TelegramClient client,
      SendMessageCall sendMessage,
      TelegramLimits limits,
      FileStore files,
      UploadLinks uploads,
      String botUsername) {
    this.settings = settings;
    this.client = client;
    this.sendMessage = sendMessage;
    this.limits = limits;
    this.files = files;
    this.uploads = uploads;
    this.botUsername = botUsername;
  }

  SendResult send(Outbound m) {
    try {
      limits.await(m.recipient());
      int sent;
      if (m.file() == null) {
        sent = text(m);
      } else if (m.text().length() <= MAX_CAPTION) {
        sent = document(m, m.text(), true);
      } else {
        // A caption holds 1,024 characters: a longer text goes first, on its own.
        text(m);
        sent = document(m, "", false);
      }
      if (settings.pinAnnouncements() && m.kind().equals("announcement")) {
        client.execute(PinChatMessage.builder().chatId(m.recipient()).messageId(sent).build());
      }
      return new SendResult.Sent(Integer.toString(sent));
    } catch (TelegramApiRequestException e) {
      return outcome(m, e);
    } catch (TelegramApiException e) {
      return new SendResult.Retry(
          null,
          Redact.token(e.getClass().getSimpleName() + ": " + e.getMessage(), settings.token()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SendResult.Retry(null, "interrupted");
    } finally {
      limits.sent(m.recipient());
    }
  }

  private int text(Outbound m) throws TelegramApiException {
    String text = escape(m.text()) + uploadLink(m);
    SendMessage.SendMessageBuilder<?, ?> send =
        SendMessage.builder()
            .chatId(m.recipient())
            .text(text)
            .parseMode("HTML")
            .disableWebPagePreview(true);
    ReplyKeyboard markup = markup(m);
    if (markup != null) {
      send.replyMarkup(markup);
    }
    return sendMessage.send(send.build());
  }

  private int document(Outbound m, String caption, boolean withChoices)
      throws TelegramApiException {
    FileRef file = m.file();
    InputFile input =
        file.platformRef() != null && file.platformRef().startsWith("telegram:")
            ? new InputFile(file.platformRef().substring("telegram:".length()))
            : new InputFile(files.resolve(file).toFile(), file.name());
    SendDocument.SendDocumentBuilder<?, ?> send =
        SendDocument.builder().chatId(m.recipient()).document(input);
    if (!caption.isEmpty()) {
      send.caption(escape(caption)).parseMode("HTML");
    }
    if (withChoices && !m.choices().isEmpty()) {
      send.replyMarkup(Keyboards.inline(m.choices(), m.buttonKey(), botUsername, isPost(m)));
    }
    return client.execute(send.build()).getMessageId();
  }

  private ReplyKeyboard markup(Outbound m) {
    if (m.requestContact()) {
      withReplyKeyboard.add(m.recipient());
      return Keyboards.sharePhone();
    }
    if (!m.choices().isEmpty()) {
      return Keyboards.inline(m.choices(), m.buttonKey(), botUsername, isPost(m));
    }
    return withReplyKeyboard.remove(m.recipient()) ? Keyboards.removeReplyKeyboard() : null;
  }

  /**
   * Where the speaker can deliver a file the chat cannot take (over Telegram's 20 MB): the link
   * issued for this proposal and field, the same one at every send while it stays valid. Sent, like
   * every text, without a link preview: Telegram's servers would otherwise fetch the page.
   */
  private String uploadLink(Outbound m) {
    if (m.upload() == null || !m.upload().always() || uploads == null) {
      return "";
    }
    String link =
        uploads
            .issue(m.channel(), m.recipient(), m.upload().submissionId(), m.upload().fieldId())
            .url();
    return "\n\n" + escape("上传页面 / Upload page: " + link);
  }

  /** Community posts and their previews carry link buttons, not callback buttons. */
  private boolean isPost(Outbound m) {
    return m.recipient().equals(settings.channel()) || m.kind().startsWith("announcement");
  }

  private SendResult outcome(Outbound m, TelegramApiRequestException e) {
    Integer code = e.getErrorCode();
    String reason = Redact.token("Telegram " + code + ": " + e.getApiResponse(), settings.token());
    if (code != null && code == 429) {
      Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
      log.warn("telegram: 429 for {} {}, retry after {} s", m.kind(), m.id(), after);
      return new SendResult.Retry(after == null ? null : Duration.ofSeconds(after), reason);
    }
    // No code at all: the answer was no Bot API answer (a proxy's error page): try again.
    if (code == null || code == 0 || code >= 500) {
      return new SendResult.Retry(null, reason);
    }
    return new SendResult.Failed(reason);
  }

  /** Text for parse_mode HTML: the three characters Telegram's HTML parser reads. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
