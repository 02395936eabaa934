package dev.cfpbot.channel.wechat;

/**
 * A callback is not taken: the HTTP status to answer with, and why (for the log: never the
 * request's content).
 */
final class CallbackRefused extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;

  CallbackRefused(int status, String why) {
    super(why, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
