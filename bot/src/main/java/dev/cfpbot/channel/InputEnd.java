package dev.cfpbot.channel;

/**
 * A channel whose input ends (a terminal at end of file, a pipe): when every channel running has
 * one and each has ended, the bot has nothing more to do and stops.
 */
@FunctionalInterface
public interface InputEnd {

  /** Blocks until the input has ended and every message read has been handled. */
  void await() throws InterruptedException;
}
