package org.anxin.server.demo;

import java.util.List;
import java.util.Random;

/** Names for demo people, drawn from common surnames and given names of the elders' generation. */
final class ChineseNames {

  private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴",
      "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "唐", "许", "邓", "冯", "曾",
      "彭");
  private static final List<String> MEN = List.of("建国", "国庆", "志强", "德明", "永福", "光明", "保国", "世华",
      "振华", "卫东", "树林", "长林", "金山", "有才", "文斌", "家荣", "福生", "洪涛", "春生", "庆云");
  private static final List<String> WOMEN = List.of("秀英", "桂英", "玉兰", "秀兰", "凤英", "淑珍", "桂兰", "玉珍",
      "翠花", "素芬", "金凤", "春梅", "冬梅", "月娥", "美华", "丽华", "惠芳", "素珍", "兰英", "巧云");
  private static final List<String> YOUNGER = List.of("伟", "磊", "静", "敏", "强", "丽", "军", "洋", "艳", "勇",
      "杰", "娟", "涛", "超", "霞", "明", "婷", "斌", "鹏", "琳");

  private final Random random;

  ChineseNames(Random random) {
    this.random = random;
  }

  String surname() {
    return pick(SURNAMES);
  }

  String elder(String surname, boolean male) {
    return surname + pick(male ? MEN : WOMEN);
  }

  /** A name of the children's generation: carers, volunteers, family members, staff. */
  String younger() {
    return surname() + pick(YOUNGER) + (random.nextBoolean() ? pick(YOUNGER) : "");
  }

  private String pick(List<String> names) {
    return names.get(random.nextInt(names.size()));
  }
}
