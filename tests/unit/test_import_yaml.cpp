// import: scalars of the written YAML read back as the same strings.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include "import/yaml_writer.hpp"

using namespace bp;
using namespace bp::import;

TEST_CASE("import: YAML scalars are plain only when that is safe") {
  CHECK(yaml_string("临港部门") == "临港部门");
  CHECK(yaml_string("政府办公厅（室）及相关机构事务") == "政府办公厅（室）及相关机构事务");
  CHECK(yaml_string("") == "\"\"");
  CHECK(yaml_string(" ") == "\" \"");
  CHECK(yaml_string("2010301") == "\"2010301\"");
  CHECK(yaml_string("yes") == "\"yes\"");
  CHECK(yaml_string("a: b") == "\"a: b\"");
  CHECK(yaml_string("#1") == "\"#1\"");
  CHECK(yaml_string("[2010301]行政运行") == "\"[2010301]行政运行\"");
  CHECK(yaml_string("说\"明\"") == "\"说\\\"明\\\"\"");
  for (std::string s :
       {"临港部门", "", " ", "2010301", "yes", "a: b", "#1", "[x]", "- item", "说\"明\\",
        "行一\n行二", "tab\there", "{a}", "100%", "~", "null", "-1.5e3"}) {
    YAML::Node n = YAML::Load("k: " + yaml_string(s));
    CHECK(n["k"].as<std::string>() == s);
  }
}

TEST_CASE("import: amounts in the file's unit") {
  CHECK(yaml_money(Money::fen(2075'360'000), Unit::Wan) == "2075.36");
  CHECK(yaml_money(Money::fen(58'000'000), Unit::Wan) == "58.00");
  CHECK(yaml_money(Money::fen(538244988), Unit::Yuan) == "5382449.88");
  CHECK(yaml_money(Money::fen(5), Unit::Yuan) == "0.05");
}
