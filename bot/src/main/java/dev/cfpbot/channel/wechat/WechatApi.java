package dev.cfpbot.channel.wechat;

import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceOkHttpImpl;
import me.chanjar.weixin.mp.bean.WxMpMassPreviewMessage;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * The WeChat API calls the channel makes, through weixin-java's OkHttp client. The library fetches
 * and caches the access token, and renews it once when WeChat says it expired (40001); it does not
 * retry anything else: the outbox does, with its own backoff.
 */
final class WechatApi {
  private final WxMpService service;

  WechatApi(WechatSettings settings) {
    WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
    config.setAppId(settings.appId());
    config.setSecret(settings.appSecret());
    config.setToken(settings.token());
    config.setHostConfig(new WxMpHostConfig(settings.apiUrl(), null, null));
    WxMpServiceOkHttpImpl okhttp = new WxMpServiceOkHttpImpl();
    okhttp.setWxMpConfigStorage(config);
    okhttp.setMaxRetryTimes(0);
    this.service = okhttp;
  }

  /** A customer-service (客服) text message. */
  void text(String openid, String text) throws WxErrorException {
    service
        .getKefuService()
        .sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openid).content(text).build());
  }

  /**
   * A template message; {@code clientMsgId} makes a retried send harmless.
   *
   * @return WeChat's message id
   */
  String template(String openid, String templateId, Map<String, String> data, String clientMsgId)
      throws WxErrorException {
    List<WxMpTemplateData> fields =
        data.entrySet().stream().map(e -> new WxMpTemplateData(e.getKey(), e.getValue())).toList();
    return service
        .getTemplateMsgService()
        .sendTemplateMsg(
            WxMpTemplateMessage.builder()
                .toUser(openid)
                .templateId(templateId)
                .clientMsgId(clientMsgId)
                .data(fields)
                .build());
  }

  /** Shows a mass message to one follower before it goes to everyone. */
  String preview(String openid, String text) throws WxErrorException {
    WxMpMassPreviewMessage message = new WxMpMassPreviewMessage();
    message.setToWxUserOpenid(openid);
    message.setMsgType(WxConsts.MassMsgType.TEXT);
    message.setContent(text);
    return service.getMassMessageService().massMessagePreview(message).getMsgId();
  }

  /**
   * A mass message to every follower ({@code tagId} null) or to one tag. {@code clientMsgId} makes
   * WeChat refuse a second send of the same message (45065) rather than send it twice.
   */
  String massSend(Long tagId, String text, String clientMsgId) throws WxErrorException {
    WxMpMassTagMessage message = new WxMpMassTagMessage();
    message.setSendAll(tagId == null);
    message.setTagId(tagId);
    message.setMsgType(WxConsts.MassMsgType.TEXT);
    message.setContent(text);
    message.setClientMsgId(clientMsgId);
    return service.getMassMessageService().massGroupMessageSend(message).getMsgId();
  }

  /** Installs the custom menu: each item sends the command word it shows. */
  void installMenu() throws WxErrorException {
    WxMenu menu = new WxMenu();
    menu.setButtons(
        List.of(
            click("我要投稿", "CFP_SUBMIT"), click("我的投稿", "CFP_STATUS"), click("活动信息", "CFP_ABOUT")));
    service.getMenuService().menuCreate(menu);
  }

  private static WxMenuButton click(String name, String key) {
    WxMenuButton button = new WxMenuButton();
    button.setType(WxConsts.MenuButtonType.CLICK);
    button.setName(name);
    button.setKey(key);
    return button;
  }
}
