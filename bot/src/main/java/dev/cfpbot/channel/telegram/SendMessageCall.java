package dev.cfpbot.channel.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * sendMessage, made on the calling thread. The library's client runs every call on OkHttp's
 * dispatcher thread and waits for it ({@code execute} is {@code executeAsync().get()}): two thread
 * hand-offs per message, and the answer bound in full to a {@code Message} of some forty fields
 * when a send needs only its message_id: the dispatcher's thread alone was a tenth of the bot's CPU
 * under Telegram's limits (README, Performance, fifth round). Here the request is the library's own
 * JSON of the method, posted with OkHttp's blocking call; an answer that is {@code ok} is read for
 * its message_id alone, and every other answer (a refusal, a 429, a proxy's error page, nothing) is
 * read by the library, which raises the exceptions it always did.
 */
final class SendMessageCall {
  /** More than any answer to sendMessage (a message of 4,096 characters and its buttons). */
  private static final long MAX_ANSWER_BYTES = 256 * 1024;

  private static final MediaType JSON_BODY = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl url;

  SendMessageCall(OkHttpClient http, TelegramUrl api, String token) {
    this.http = http;
    this.url =
        new HttpUrl.Builder()
            .scheme(api.getSchema())
            .host(api.getHost())
            .port(api.getPort())
            .addPathSegment("bot" + token)
            .addPathSegment("sendmessage")
            .build();
  }

  /** Sends {@code method} and returns the message_id Telegram gave the message. */
  int send(SendMessage method) throws TelegramApiException {
    method.validate();
    String body;
    try {
      body = UpdateReader.JSON.writeValueAsString(method);
    } catch (JsonProcessingException e) {
      throw new TelegramApiException("Unable to serialize sendmessage", e);
    }
    String answer;
    Request request =
        new Request.Builder().url(url).post(RequestBody.create(body, JSON_BODY)).build();
    try (Response response = http.newCall(request).execute()) {
      answer = response.peekBody(MAX_ANSWER_BYTES).string();
    } catch (IOException e) {
      if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
        Thread.currentThread().interrupt(); // stopping: the outbox tries the message again later
      }
      throw new TelegramApiException("Unable to execute sendmessage method", e);
    }
    Integer id = messageIdIfOk(answer);
    return id != null ? id : method.deserializeResponse(answer).getMessageId();
  }

  /**
   * The top-level {@code result.message_id} of an answer whose {@code ok} is true; null for any
   * other answer, which the library then reads (and refuses with its own exception).
   */
  static Integer messageIdIfOk(String answer) {
    try (JsonParser json = UpdateReader.JSON.getFactory().createParser(answer)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      boolean ok = false;
      Integer id = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if (name.equals("ok")) {
          ok = value == JsonToken.VALUE_TRUE;
        } else if (name.equals("result") && value == JsonToken.START_OBJECT) {
          id = messageIdIn(json);
        } else {
          json.skipChildren();
        }
      }
      return ok ? id : null;
    } catch (IOException e) {
      return null; // not JSON: the library says what it is
    }
  }

  /** Reads the object the parser is at to its end; its own message_id, not a nested one's. */
  private static Integer messageIdIn(JsonParser json) throws IOException {
    Integer id = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equals("message_id") && value == JsonToken.VALUE_NUMBER_INT) {
        id = json.getIntValue();
      } else {
        json.skipChildren();
      }
    }
    return id;
  }
}
