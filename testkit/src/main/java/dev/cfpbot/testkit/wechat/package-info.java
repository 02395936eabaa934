/**
 * WeChat's side of the wire, on the JDK alone and independently of the bot's channel code (so that
 * the two meet only on the wire): the WeChat API on loopback ({@link
 * dev.cfpbot.testkit.wechat.FakeWechatApi}), WeChat's servers signing and encrypting callbacks
 * ({@link dev.cfpbot.testkit.wechat.WechatClient}), and the simulator behind {@code
 * scripts/wechat-simulate}.
 */
package dev.cfpbot.testkit.wechat;
