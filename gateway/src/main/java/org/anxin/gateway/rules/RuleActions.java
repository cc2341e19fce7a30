package org.anxin.gateway.rules;

import org.anxin.infra.alarm.AlarmSubject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.ClearRequest;
import org.anxin.infra.alarm.DeviceCommand;
import org.anxin.infra.alarm.RaiseRequest;

/** What a rule may do: raise, record a clearing, ask a device for a command. Called on the event loop; no I/O. */
public interface RuleActions {

  void raise(RaiseRequest request);

  void clear(ClearRequest request);

  void command(DeviceCommand command);

  /** Whether an alarm of this subject and type is open (reloaded from the database after a restart). */
  boolean isOpen(AlarmSubject subject, AlarmType type);
}
