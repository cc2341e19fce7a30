package org.anxin.infra.bus;

/** A request that cannot be served, with the {@link BusFailure} and the reason sent back to the requester. */
public class BusException extends RuntimeException {

  private final BusFailure failure;

  public BusException(BusFailure failure, String reason) {
    super(reason);
    this.failure = failure;
  }

  public BusFailure failure() {
    return failure;
  }

  public static BusException badRequest(String reason) {
    return new BusException(BusFailure.BAD_REQUEST, reason);
  }

  public static BusException notFound(String reason) {
    return new BusException(BusFailure.NOT_FOUND, reason);
  }

  public static BusException conflict(String reason) {
    return new BusException(BusFailure.CONFLICT, reason);
  }
}
