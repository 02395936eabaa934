package dev.cfpbot.channel.wechat;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.channel.OrganizerCommand;
import dev.cfpbot.channel.OutboxWriter;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The organizer command only WeChat has: {@code /menu} installs the custom menu (我要投稿 · 我的投稿 ·
 * 活动信息). It runs in the turn's transaction and only queues the WeChat API call in the outbox, so
 * the organizer's passive reply stays quick. (Announcements are the shared {@code /announce}: the
 * channel sends its preview and its post as mass messages.)
 */
final class WechatCommands {
  private final Messages messages;
  private final Lang lang;

  WechatCommands(Messages messages, Lang lang) {
    this.messages = messages;
    this.lang = lang;
  }

  Map<String, OrganizerCommand> all(OutboxWriter outbox) {
    return Map.of("menu", (tx, in, arg, now) -> menu(outbox, tx, in, now));
  }

  private List<Reply> menu(OutboxWriter outbox, Tx tx, Inbound in, Instant now) {
    // Organizer commands are shared by every channel: this one answers only on WeChat.
    if (!in.channel().equals(WechatChannel.NAME)) {
      return List.of(Reply.text(messages.text(lang, "wechat.only")));
    }
    // The sender installs the menu when it sends a message of this kind (its text is what the
    // organizer is told once it is done).
    Reply done = Reply.text(messages.text(lang, "wechat.menu.done"));
    outbox.send(tx, WechatChannel.NAME, in.sender().id(), WechatSender.MENU, done, now);
    return List.of(Reply.text(messages.text(lang, "wechat.menu.queued")));
  }
}
