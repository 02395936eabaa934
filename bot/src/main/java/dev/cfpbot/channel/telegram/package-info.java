/**
 * The Telegram channel: speakers submit in a private chat with the bot, the community channel gets
 * the call, the organizers' group gets alerts and digests. Updates come by long polling (the
 * default) or a webhook and are stored before they are acknowledged; sending keeps within
 * Telegram's rate limits.
 */
package dev.cfpbot.channel.telegram;
