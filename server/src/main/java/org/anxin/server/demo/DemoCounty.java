package org.anxin.server.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo county 安宁县, generated from a fixed seed so every demo looks the same: 3 townships, 10 villages, in each
 * village 8 households with 10 elders (two couples), among them 3 older Party members and 2 people with dementia.
 */
record DemoCounty(List<Township> townships, List<Provider> providers, List<Volunteer> volunteers) {

  static final String FIRST_TOWNSHIP = "城关镇";

  record Township(String name, List<Village> villages) {
  }

  record Village(String name, double lat, double lon, List<Household> households, String carerName, String carerPhone) {
  }

  record Household(String address, double lat, double lon, String landline, List<Elder> elders) {

    boolean hasPartyMember() {
      return elders.stream().anyMatch(Elder::partyMember);
    }
  }

  record Elder(String name, String gender, LocalDate birthDate, String phone, List<String> categories,
               LocalDate partyMemberSince, String partyBranch, JsonObject partyRecord, String notes) {

    boolean partyMember() {
      return categories.contains("PARTY_MEMBER");
    }

    boolean dementia() {
      return categories.contains("DEMENTIA");
    }
  }

  record Provider(String name, String phone, List<String> serviceTypes, int dailyCapacity, List<String> townships) {
  }

  record Volunteer(String name, String phone, String township, List<String> skills) {
  }

  private static final double COUNTY_LAT = 28.1942;
  private static final double COUNTY_LON = 113.0431;

  static DemoCounty generate() {
    Random random = new Random(12349);
    ChineseNames names = new ChineseNames(random);
    Generator g = new Generator(random, names);
    List<Township> townships = List.of(
        g.township("城关镇", 0.00, 0.00, "东门社区", "西街社区", "南塘村", "北岭村"),
        g.township("青山乡", 0.09, -0.11, "青山村", "石桥村", "竹林村"),
        g.township("河口镇", -0.08, 0.12, "河口村", "柳湾村", "渡头村"));
    return new DemoCounty(townships, contractedProviders(), g.volunteers(townships));
  }

  private static List<Provider> contractedProviders() {
    return List.of(
        new Provider("安宁县幸福食堂", "0731-84120001", List.of("MEAL"), 120, List.of("城关镇", "青山乡", "河口镇")),
        new Provider("城关家政服务中心", "0731-84120002", List.of("CLEANING", "ERRAND"), 30, List.of("城关镇")),
        new Provider("县人民医院家庭医生团队", "0731-84120003", List.of("MEDICAL", "VISIT"), 20,
            List.of("城关镇", "青山乡", "河口镇")),
        new Provider("青山乡邻里互助社", "0731-84120004", List.of("MEAL", "ERRAND", "VISIT"), 25, List.of("青山乡")),
        new Provider("河口镇便民服务站", "0731-84120005", List.of("MEAL", "CLEANING", "ERRAND"), 25, List.of("河口镇")),
        new Provider("康乐居家养老服务公司", "0731-84120006", List.of("CLEANING", "MEDICAL", "VISIT"), 40,
            List.of("城关镇", "河口镇")));
  }

  int elderCount() {
    return townships.stream().flatMap(t -> t.villages().stream()).flatMap(v -> v.households().stream())
        .mapToInt(h -> h.elders().size()).sum();
  }

  /** Draws the people; all randomness comes from one seeded {@link Random}, in a fixed order. */
  private static final class Generator {

    private static final String[] SKILLS = {"陪伴聊天", "助餐配送", "代购代办", "理发", "健康讲座", "电器维修"};

    private final Random random;
    private final ChineseNames names;
    private int phoneSerial = 1000;

    Generator(Random random, ChineseNames names) {
      this.random = random;
      this.names = names;
    }

    Township township(String name, double dLat, double dLon, String... villageNames) {
      List<Village> villages = new ArrayList<>();
      for (int i = 0; i < villageNames.length; i++) {
        double lat = COUNTY_LAT + dLat + 0.02 * (i - villageNames.length / 2.0);
        double lon = COUNTY_LON + dLon + 0.015 * (i % 2 == 0 ? 1 : -1);
        villages.add(village(name, villageNames[i], lat, lon));
      }
      return new Township(name, villages);
    }

    private Village village(String township, String name, double lat, double lon) {
      List<Household> households = new ArrayList<>();
      int elderIndex = 0;
      for (int h = 0; h < 8; h++) {
        int size = h < 2 ? 2 : 1;
        String surname = names.surname();
        List<Elder> elders = new ArrayList<>();
        for (int e = 0; e < size; e++, elderIndex++) {
          elders.add(elder(township, name, surname, e == 0, elderIndex, size == 1));
        }
        households.add(new Household(township + name + (h + 1) * 3 + "号", lat + jitter(), lon + jitter(),
            h % 3 == 0 ? "0731-8" + (4_300_000 + phoneSerial++) : null, elders));
      }
      return new Village(name, lat, lon, households, names.younger(), mobile());
    }

    /** Elders 0, 4 and 7 of a village are Party members, 1 and 5 have dementia; the rest live alone or have an empty nest. */
    private Elder elder(String township, String village, String surname, boolean first, int index, boolean alone) {
      boolean male = first ? random.nextInt(10) < 7 : false;
      String name = first ? names.elder(surname, male) : names.elder(names.surname(), false);
      LocalDate birth = LocalDate.of(1932 + random.nextInt(24), 1 + random.nextInt(12), 1 + random.nextInt(28));
      List<String> categories = new ArrayList<>();
      boolean party = index == 0 || index == 4 || index == 7;
      boolean dementia = index == 1 || index == 5;
      if (party) {
        categories.add("PARTY_MEMBER");
      }
      if (dementia) {
        categories.add("DEMENTIA");
      }
      categories.add(alone ? "LIVING_ALONE" : "EMPTY_NEST");
      if (index == 9) {
        categories.add("DISABLED");
      }
      String phone = index % 4 == 3 ? null : mobile();
      if (!party) {
        return new Elder(name, male ? "M" : "F", birth, phone, categories, null, null, null,
            dementia ? "佩戴防走失手环；外出需家人或网格员陪同" : null);
      }
      LocalDate since = LocalDate.of(Math.max(birth.getYear() + 19, 1950) + random.nextInt(15), 7, 1);
      String branch = township + village + "党支部";
      return new Elder(name, male ? "M" : "F", birth, phone, categories, since, branch,
          partyRecord(branch, since), "老党员，居家养老；每月组织生活会送学上门");
    }

    private JsonObject partyRecord(String branch, LocalDate since) {
      JsonArray honors = new JsonArray();
      if (since.isBefore(LocalDate.of(1976, 7, 1))) {
        honors.add("光荣在党50年纪念章");
      }
      return new JsonObject()
          .put("branch", branch)
          .put("joinedOn", since.toString())
          .put("status", "正式党员")
          .put("duesPaidThrough", "2026-10")
          .put("homeVisitsPerMonth", 1)
          .put("honors", honors);
    }

    List<Volunteer> volunteers(List<Township> townships) {
      List<Volunteer> volunteers = new ArrayList<>();
      for (Township t : townships) {
        for (int i = 0; i < 4; i++) {
          volunteers.add(new Volunteer(names.younger(), mobile(), t.name(),
              List.of(SKILLS[random.nextInt(SKILLS.length)], SKILLS[random.nextInt(SKILLS.length)]).stream()
                  .distinct().toList()));
        }
      }
      return volunteers;
    }

    private double jitter() {
      return (random.nextDouble() - 0.5) * 0.006;
    }

    private String mobile() {
      return "139" + String.format("%08d", 73_100_000 + phoneSerial++ * 7);
    }
  }
}
