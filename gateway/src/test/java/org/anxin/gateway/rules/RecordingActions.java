package org.anxin.gateway.rules;

import org.anxin.infra.alarm.AlarmSubject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.ClearRequest;
import org.anxin.infra.alarm.DeviceCommand;
import org.anxin.infra.alarm.RaiseRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Keeps what the rules asked for, and which alarms are open as the raising code would see them. */
final class RecordingActions implements RuleActions {

  final List<RaiseRequest> raised = new ArrayList<>();
  final List<ClearRequest> cleared = new ArrayList<>();
  final List<DeviceCommand> commands = new ArrayList<>();
  final Set<String> open = new HashSet<>();

  @Override
  public void raise(RaiseRequest request) {
    raised.add(request);
    open.add(request.subject().key() + "|" + request.type());
  }

  @Override
  public void clear(ClearRequest request) {
    cleared.add(request);
    if (request.type().selfClosing()) {
      open.remove(request.subject().key() + "|" + request.type());
    }
  }

  @Override
  public void command(DeviceCommand command) {
    commands.add(command);
  }

  @Override
  public boolean isOpen(AlarmSubject subject, AlarmType type) {
    return open.contains(subject.key() + "|" + type);
  }

  List<AlarmType> raisedTypes() {
    return raised.stream().map(RaiseRequest::type).toList();
  }
}
