/**
 * The WeChat Official Account (公众号) channel. WeChat calls the bot: {@code /wechat} on the embedded
 * HTTP server takes its signed callbacks (plain mode, or with WECHAT_AES_KEY encrypted ones only),
 * refuses what is stale, replayed or not WeChat's ({@link
 * dev.cfpbot.channel.wechat.CallbackCheck}), hands each message to the bot once (the inbox
 * remembers WeChat's message ids across its retries) and answers in the HTTP response (the passive
 * reply) within milliseconds. Everything else goes out afterwards through the outbox as
 * customer-service (客服) messages, template messages when the 48-hour window is closed, or mass
 * messages for announcements. An Official Account cannot receive files: speakers upload slides on
 * the personal upload page instead.
 */
package dev.cfpbot.channel.wechat;
