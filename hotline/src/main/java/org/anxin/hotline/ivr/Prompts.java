package org.anxin.hotline.ivr;

/**
 * The IVR's Mandarin prompts, by sound-file name under Asterisk's sounds directory ({@code zh/anxin/…}, recorded
 * for the deployment; see infra/deploy/asterisk/README.md).
 */
final class Prompts {

  /** 您好，这里是12349养老服务热线。 */
  static final String WELCOME = "anxin/welcome";
  /** 助餐请按1，助洁请按2，助医请按3，代办请按4，紧急求助请按9，人工服务请按0。 */
  static final String MENU = "anxin/menu";
  /** 这个号码有两位老人登记，第一位请按1，第二位请按2，人工服务请按0。 */
  static final String WHICH_ELDER = "anxin/which-elder";
  /** 输入有误，请重新选择。 */
  static final String INVALID = "anxin/invalid";
  /** 正在为您下单，请稍候。 (plays while the order is made) */
  static final String ORDERING = "anxin/ordering";
  /** 您的服务已预约，订单号是： (followed by SayDigits) */
  static final String ORDER_PLACED = "anxin/order-placed";
  /** 需要人工服务请按0，结束请挂机。 */
  static final String OPERATOR_OR_HANG_UP = "anxin/operator-or-hangup";
  /** 暂时无法下单，正在为您转接人工服务。 */
  static final String ORDER_FAILED = "anxin/order-failed";
  /** 已收到您的紧急求助，正在为您优先转接。 */
  static final String SOS_RAISED = "anxin/sos-raised";
  /** 正在为您转接人工服务，请稍候。 */
  static final String TO_OPERATOR = "anxin/to-operator";
  /** 感谢来电，再见。 */
  static final String GOODBYE = "anxin/goodbye";

  private Prompts() {
  }
}
