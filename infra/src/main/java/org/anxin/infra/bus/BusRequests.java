package org.anxin.infra.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * Serving a request/reply address with typed records: decodes the request, runs the handler, replies with the
 * answer's JSON, and maps a failure to a {@link BusFailure} code once, here.
 */
public final class BusRequests {

  private static final Logger LOG = LoggerFactory.getLogger(BusRequests.class);

  private BusRequests() {
  }

  public static <Q, A> MessageConsumer<JsonObject> serve(EventBus bus, String address,
                                                       Function<JsonObject, Q> decode,
                                                       Function<Q, Future<A>> handler,
                                                       Function<A, JsonObject> encode) {
    return bus.consumer(address, message -> {
      Future<A> answer;
      try {
        answer = handler.apply(decode.apply(message.body()));
      } catch (RuntimeException e) {
        answer = Future.failedFuture(e);
      }
      answer.onSuccess(a -> message.reply(encode.apply(a))).onFailure(e -> {
        BusFailure failure = failureOf(e);
        if (failure == BusFailure.INTERNAL) {
          LOG.error("{} failed for {}", address, message.body(), e);
        }
        message.fail(failure.code(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      });
    });
  }

  /** The code a failure is answered with: a {@link BusException}'s own, a malformed request's 400, else 500. */
  public static BusFailure failureOf(Throwable e) {
    if (e instanceof BusException b) {
      return b.failure();
    }
    if (e instanceof IllegalArgumentException || e instanceof NullPointerException
        || e instanceof ClassCastException) {
      return BusFailure.BAD_REQUEST;
    }
    if (e instanceof ReplyException r && r.failureType() != ReplyFailure.RECIPIENT_FAILURE) {
      return BusFailure.UNAVAILABLE;
    }
    return BusFailure.INTERNAL;
  }

  /** Turns a failed reply back into a {@link BusException} for the requester. */
  public static <T> Future<T> unwrap(Future<T> reply) {
    return reply.recover(e -> {
      if (e instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        return Future.failedFuture(new BusException(BusFailure.ofCode(r.failureCode()), r.getMessage()));
      }
      return Future.failedFuture(new BusException(BusFailure.UNAVAILABLE, e.getMessage()));
    });
  }
}
