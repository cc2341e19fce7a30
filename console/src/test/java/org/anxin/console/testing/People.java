package org.anxin.console.testing;

/**
 * The seeded county: two townships with one household and elder each (A and B), a carer for each elder on shift
 * now, and users of every role: {@code op}, {@code sup}, {@code adm}, {@code famA}/{@code famB} (family of A/B),
 * {@code carA}/{@code carB} (carers of A/B). Every password is {@link #PASSWORD}.
 */
public record People(long townshipA, long townshipB, long villageA, long villageB, long householdA, long householdB,
                     long elderA, long elderB, long carerA, long carerB, long op, long sup, long adm, long famA,
                     long famB, long carA, long carB, String wristbandA) {

  public static final String PASSWORD = "correct horse battery";
}
