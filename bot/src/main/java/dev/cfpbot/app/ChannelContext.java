package dev.cfpbot.app;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.HttpSettings;
import dev.cfpbot.files.FileStore;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.web.UploadLinks;
import java.time.Clock;
import java.util.Map;

/**
 * What a platform channel may use when it is created.
 *
 * @param uploads personal upload links; null when no public URL is configured
 */
public record ChannelContext(
    CfpConfig config,
    Map<String, String> env,
    Messages messages,
    Storage storage,
    FileStore files,
    HttpSettings http,
    UploadLinks uploads,
    Clock clock) {}
