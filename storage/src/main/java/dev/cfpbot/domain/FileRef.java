package dev.cfpbot.domain;

/**
 * A file a speaker sent (the slides): stored under the data directory, and known to the platform it
 * came from by {@code platformRef} so that it can be re-sent without uploading it again.
 *
 * @param path relative to the data directory; null when the file stays on the platform
 */
public record FileRef(
    String name, String type, long size, String sha256, String path, String platformRef) {}
