package dev.cfpbot.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cfpbot.channel.Outbound;
import dev.cfpbot.storage.rows.OutboxMessage;

/** Outbound messages as outbox payloads (JSON). */
public final class OutboundCodec {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private OutboundCodec() {}

  public static String encode(Outbound message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("encode outbound message", e);
    }
  }

  public static Outbound decode(OutboxMessage row) {
    try {
      return JSON.readValue(row.payload(), Outbound.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("decode outbox message " + row.id(), e);
    }
  }
}
