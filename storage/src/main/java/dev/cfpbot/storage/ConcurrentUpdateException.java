package dev.cfpbot.storage;

/**
 * Another writer changed the row since it was read (the optimistic version did not match). The
 * transaction is rolled back; redoing the whole unit of work on fresh data is the remedy.
 */
public class ConcurrentUpdateException extends StorageException {
  private static final long serialVersionUID = 1L;

  public ConcurrentUpdateException(String operation, String what) {
    super(operation, what + " was changed by someone else");
  }
}
