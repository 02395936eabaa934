package dev.cfpbot.channel;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.links.DownloadLinks;
import dev.cfpbot.links.UploadLinks;
import dev.cfpbot.storage.Storage;
import java.time.Clock;

/**
 * What the bot gives a channel when it is made; the channel's own settings come from its {@link
 * dev.cfpbot.config.Section}.
 *
 * @param config the events and forms (e.g. which files a form takes), the bot's languages
 * @param files where received files are stored, checked by content
 * @param uploads personal upload links; null when no public URL is configured
 * @param downloads links to exports, for channels that cannot attach files; null without a public
 *     URL
 * @param updates where updates are stored before they are acknowledged (see {@link UpdateStore})
 * @param terminal the terminal the bot runs in, for a channel that chats there
 */
public record ChannelContext(
    CfpConfig config,
    Messages messages,
    Storage storage,
    FileStore files,
    UploadLinks uploads,
    DownloadLinks downloads,
    UpdateStore updates,
    Terminal terminal,
    Clock clock) {}
