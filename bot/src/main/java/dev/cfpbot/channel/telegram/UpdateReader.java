package dev.cfpbot.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.RawUpdate;
import dev.cfpbot.channel.Sender;
import dev.cfpbot.channel.UpdateTranslator;
import dev.cfpbot.conversation.ButtonKeys;
import dev.cfpbot.conversation.Content;
import dev.cfpbot.form.TextCleaner;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Turns Bot API updates into the bot's messages: texts, button presses (their data as the bot
 * issued it, or as it was forged), edits of a speaker's messages, shared contacts, documents
 * (fetched and stored first) and everything else as unsupported. In groups and channels only
 * commands and button presses count; commands addressed to another bot ({@code /help@other_bot})
 * count nowhere.
 */
final class UpdateReader implements UpdateTranslator {
  private static final Logger log = LoggerFactory.getLogger(UpdateReader.class);
  static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final TelegramClient client;
  private final FileFetcher fetcher;
  private final String username;
  private final Clock clock;

  /**
   * @param username the bot's own @username, without the @
   */
  UpdateReader(TelegramClient client, FileFetcher fetcher, String username, Clock clock) {
    this.client = client;
    this.fetcher = fetcher;
    this.username = username;
    this.clock = clock;
  }

  /**
   * A document is fetched when its update is translated. Read from the stored JSON without parsing
   * it: a text that happens to contain the key is taken apart too, which costs only speed.
   */
  @Override
  public boolean fetches(RawUpdate raw) {
    return raw.payload().contains("\"document\":");
  }

  /** The raw form of an update, keyed by its update_id, in the chat it belongs to. */
  static Optional<RawUpdate> raw(Update update, Instant now) {
    Long chat = chatOf(update);
    if (chat == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new RawUpdate(
              "u" + update.getUpdateId(),
              chat.toString(),
              update.getUpdateId(),
              // Half a surrogate pair (a JSON escape can carry one) becomes U+FFFD: PostgreSQL's
              // driver would store "?" instead, silently; U+FFFD the form refuses as garbled.
              TextCleaner.wellFormed(JSON.writeValueAsString(update)),
              now));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("encode update " + update.getUpdateId(), e);
    }
  }

  @Override
  public Optional<Inbound> translate(RawUpdate raw) {
    Update update;
    try {
      update = JSON.readValue(raw.payload(), Update.class);
    } catch (JsonProcessingException e) {
      log.warn("telegram: update {} cannot be read, ignored", raw.externalId());
      return Optional.empty();
    }
    if (update.hasCallbackQuery()) {
      return pressed(raw, update.getCallbackQuery());
    }
    if (update.hasEditedMessage()) {
      return edited(raw, update.getEditedMessage());
    }
    Message message = update.getMessage();
    if (message == null) {
      return Optional.empty();
    }
    boolean privateChat = message.getChat().isUserChat();
    Content content = content(message);
    boolean command = content instanceof Content.Text t && t.text().startsWith("/");
    if (!privateChat && !command || command && forAnotherBot(message.getText())) {
      return Optional.empty(); // group talk, or a command for another bot: not for this one
    }
    String id = message.getMessageId().toString();
    return inbound(raw, message.getFrom(), privateChat, content, at(message.getDate()), id);
  }

  /**
   * A speaker edited a message in their private chat: the engine applies it to the answer the
   * message gave, or says it was not read. In groups edits are ignored, as group talk is.
   */
  private Optional<Inbound> edited(RawUpdate raw, Message message) {
    String text = message.hasText() ? message.getText() : null;
    if (!message.getChat().isUserChat() || text != null && forAnotherBot(text)) {
      return Optional.empty();
    }
    Content edit = new Content.Edited(message.getMessageId().toString(), text);
    return inbound(raw, message.getFrom(), true, edit, at(message.getEditDate()), null);
  }

  /** Whether {@code text} is a command addressed to another bot: /help@other_bot. */
  private boolean forAnotherBot(String text) {
    String word = text.strip().split("\\s+", 2)[0];
    int at = word.indexOf('@');
    return word.startsWith("/") && at >= 0 && !word.substring(at + 1).equalsIgnoreCase(username);
  }

  /** The platform's time of a message (the deadline counts it), or now when it has none. */
  private Instant at(Integer epochSeconds) {
    return epochSeconds == null ? clock.instant() : Instant.ofEpochSecond(epochSeconds);
  }

  private Optional<Inbound> pressed(RawUpdate raw, CallbackQuery callback) {
    try {
      // Stops the button's spinner; the answer itself comes as a message.
      client.execute(AnswerCallbackQuery.builder().callbackQueryId(callback.getId()).build());
    } catch (TelegramApiException e) {
      log.debug("telegram: callback answer failed: {}", e.getClass().getSimpleName());
    }
    if (callback.getData() == null || callback.getMessage() == null) {
      return Optional.empty();
    }
    Chat chat = callback.getMessage().getChat();
    Content press = ButtonKeys.parse(callback.getData());
    return inbound(raw, callback.getFrom(), chat.isUserChat(), press, clock.instant(), null);
  }

  /**
   * @param messageId the message's id in its chat, which an edit of it names; null for none
   */
  private static Optional<Inbound> inbound(
      RawUpdate raw,
      User from,
      boolean privateChat,
      Content content,
      Instant at,
      String messageId) {
    return Optional.of(
        new Inbound(
            TelegramChannel.NAME,
            raw.chatId(),
            raw.externalId(),
            sender(from),
            privateChat,
            content,
            at,
            false,
            messageId));
  }

  private Content content(Message m) {
    if (m.hasText()) {
      return new Content.Text(m.getText());
    }
    if (m.hasContact()) {
      return new Content.SharedContact(m.getContact().getPhoneNumber());
    }
    if (m.hasDocument()) {
      return fetcher.fetch(m.getDocument());
    }
    String kind =
        m.hasPhoto()
            ? "photo"
            : m.hasSticker()
                ? "sticker"
                : m.hasVoice()
                    ? "voice"
                    : m.hasVideo() ? "video" : m.hasLocation() ? "location" : "other";
    return new Content.Unsupported(kind);
  }

  private static Sender sender(User user) {
    if (user == null) {
      return new Sender("", null, null);
    }
    String name =
        user.getLastName() == null
            ? user.getFirstName()
            : user.getFirstName() + " " + user.getLastName();
    return new Sender(user.getId().toString(), name, user.getLanguageCode());
  }

  private static Long chatOf(Update update) {
    if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
      return update.getCallbackQuery().getMessage().getChatId();
    }
    if (update.hasEditedMessage()) {
      return update.getEditedMessage().getChatId();
    }
    return update.hasMessage() ? update.getMessage().getChatId() : null;
  }
}
