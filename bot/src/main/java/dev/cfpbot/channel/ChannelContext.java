package dev.cfpbot.channel;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.HttpSettings;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.links.DownloadLinks;
import dev.cfpbot.links.UploadLinks;
import dev.cfpbot.storage.Storage;
import java.time.Clock;
import java.util.Map;

/**
 * What a platform channel may use when it is created.
 *
 * @param uploads personal upload links; null when no public URL is configured
 * @param downloads links to exports, for channels that cannot attach files; null without a public
 *     URL
 */
public record ChannelContext(
    CfpConfig config,
    Map<String, String> env,
    Messages messages,
    Storage storage,
    FileStore files,
    HttpSettings http,
    UploadLinks uploads,
    DownloadLinks downloads,
    Clock clock) {

  public ChannelContext(
      CfpConfig config,
      Map<String, String> env,
      Messages messages,
      Storage storage,
      FileStore files,
      HttpSettings http,
      UploadLinks uploads,
      Clock clock) {
    this(config, env, messages, storage, files, http, uploads, null, clock);
  }
}
