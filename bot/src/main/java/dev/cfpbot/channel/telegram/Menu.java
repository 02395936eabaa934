package dev.cfpbot.channel.telegram;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The command menu Telegram shows next to the text field, in Chinese and in English. */
final class Menu {
  private static final Logger log = LoggerFactory.getLogger(Menu.class);

  private Menu() {}

  static void install(TelegramClient client) {
    List<BotCommand> zh =
        List.of(
            new BotCommand("start", "投稿：开始提交演讲"),
            new BotCommand("status", "我的投稿"),
            new BotCommand("edit", "修改"),
            new BotCommand("withdraw", "撤回投稿"),
            new BotCommand("mydata", "我的数据：查看保存的全部内容"),
            new BotCommand("forget", "删除我的数据"),
            new BotCommand("cancel", "取消当前操作"),
            new BotCommand("help", "帮助"),
            new BotCommand("lang", "Switch to English / 切换语言"));
    List<BotCommand> en =
        List.of(
            new BotCommand("start", "Submit a talk"),
            new BotCommand("status", "My proposals"),
            new BotCommand("edit", "Edit"),
            new BotCommand("withdraw", "Withdraw a proposal"),
            new BotCommand("mydata", "My data: everything stored about me"),
            new BotCommand("forget", "Delete my data"),
            new BotCommand("cancel", "Cancel what you are doing"),
            new BotCommand("help", "Help"),
            new BotCommand("lang", "切换到中文 / Switch language"));
    try {
      client.execute(SetMyCommands.builder().commands(zh).build());
      client.execute(SetMyCommands.builder().commands(en).languageCode("en").build());
    } catch (TelegramApiException e) {
      log.warn("telegram: the command menu could not be set: {}", e.getClass().getSimpleName());
    }
  }
}
