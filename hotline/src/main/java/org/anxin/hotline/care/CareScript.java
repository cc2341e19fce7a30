package org.anxin.hotline.care;

import io.vertx.core.json.JsonObject;
import org.anxin.hotline.agi.AgiWait;
import org.anxin.hotline.calls.CallStore;
import org.anxin.hotline.ivr.CallerId;
import org.anxin.infra.db.Database;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

import java.time.Duration;

/** A care call ({@code agi://…/care}): 1 all is well, 2 needs help; the answer becomes the care call's outcome. */
public final class CareScript implements AgiScript {

  /** 您好，这里是12349关爱热线。一切安好请按1，需要帮助请按2。 */
  static final String GREETING = "anxin/care-greeting";
  /** 我们会尽快安排工作人员联系您。 */
  static final String HELP_COMING = "anxin/care-help";
  private static final int ATTEMPTS = 3;

  private final Database database;
  private final CallStore calls;
  private final Duration timeout;

  public CareScript(Database database, CallStore calls, Duration timeout) {
    this.database = database;
    this.calls = calls;
    this.timeout = timeout;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    String key = channel.getVariable("ANXIN_ORIGINATION_KEY");
    String number = CallerId.sanitize(channel.getVariable("ANXIN_NUMBER"));
    String outcome = "NO_INPUT";
    try {
      channel.answer();
      for (int attempt = 0; attempt < ATTEMPTS && outcome.equals("NO_INPUT"); attempt++) {
        String digit = channel.getData(GREETING, 6_000, 1);
        outcome = "1".equals(digit) ? "WELL" : "2".equals(digit) ? "NEEDS_HELP" : "NO_INPUT";
      }
      if (outcome.equals("NEEDS_HELP")) {
        channel.streamFile(HELP_COMING);
      }
    } catch (AgiHangupException e) {
      // The outcome so far stands: a hang-up before an answer is NO_INPUT.
    }
    String result = outcome;
    AgiWait.await(CareCalls.outcome(database, key, result)
        .compose(n -> calls.open(request.getUniqueId(), number, "OUTBOUND"))
        .compose(callId -> calls.event(callId, "CARE_OUTCOME", new JsonObject().put("outcome", result)
            .put("key", key))), timeout);
  }
}
