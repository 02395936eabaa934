package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.OrganizerCommand;
import dev.cfpbot.channel.Outbound;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.process.OutboundCodec;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organizer command only WeChat has: {@code /menu} installs the custom menu (我要投稿 · 我的投稿 ·
 * 活动信息). It runs in the turn's transaction and only queues the WeChat API call in the outbox, so
 * the organizer's passive reply stays quick. (Announcements are the shared {@code /announce}: the
 * channel sends its preview and its post as mass messages.)
 */
final class WechatCommands {
  private final Messages messages;
  private final Storage storage;
  private final Lang lang;

  WechatCommands(Messages messages, Storage storage, Lang lang) {
    this.messages = messages;
    this.storage = storage;
    this.lang = lang;
  }

  Map<String, OrganizerCommand> all() {
    return Map.of("menu", this::menu);
  }

  private List<Reply> menu(Tx tx, Inbound in, String arg, Instant now) {
    // Organizer commands are shared by every channel: this one answers only on WeChat.
    if (!in.channel().equals(WechatChannel.NAME)) {
      return List.of(Reply.text(messages.text(lang, "wechat.only")));
    }
    String id = UUID.randomUUID().toString();
    String organizer = in.sender().id();
    Outbound install =
        new Outbound(
            id,
            WechatChannel.NAME,
            organizer,
            WechatSender.MENU,
            messages.text(lang, "wechat.menu.done"),
            List.of(),
            false,
            null,
            null);
    storage
        .outbox()
        .enqueue(
            tx,
            id,
            WechatChannel.NAME,
            organizer,
            WechatSender.MENU,
            OutboundCodec.encode(install),
            now,
            now);
    return List.of(Reply.text(messages.text(lang, "wechat.menu.queued")));
  }
}
