//===----------------------------------------------------------------------===//
//
// Unit tests of the SARIF writer: structure, GitHub's required subset,
// columns, URIs and determinism. test/tool/sarif-validate.test checks the
// output with the SARIF multitool.
//
//===----------------------------------------------------------------------===//

#include "Sarif.h"
#include "Checks.h"
#include "gtest/gtest.h"
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

namespace poolguard {
namespace {

using json = nlohmann::json;

struct Fixture {
  std::map<std::string, std::string> Files = {
      {"/repo/src/a.cpp",
       "#include \"db.h\"\nvoid f() {\n  auto u = dsn + \"?sslmode=require\";\n}\n"},
      {"/repo/src/db.h", "// héllo wörld\nPool make();\n"},
      {"/elsewhere/x y.cpp", "int x;\n"},
  };
  Report R;
  SarifOptions O;

  Fixture() {
    ReportDiagnostic D;
    D.Check = "poolguard-dsn-query-append";
    D.Severity = "warning";
    D.Message = "query string appended to a DSN that already has one";
    D.File = "/repo/src/a.cpp";
    D.Line = 3;
    D.Column = 12;
    D.Offset = 38;
    D.Notes.push_back({"DSN declared here", "/repo/src/db.h", 2, 6, 27});
    D.Fixes.push_back({"/repo/src/a.cpp", 45, 1, "&"});
    R.Diagnostics.push_back(D);
    ReportDiagnostic E;
    E.Check = "clang-diagnostic-error";
    E.Severity = "error";
    E.Message = "unknown type name 'Pool'";
    E.File = "/repo/src/db.h";
    E.Line = 2;
    E.Column = 1;
    R.Diagnostics.push_back(E);
    ReportDiagnostic X = D;
    X.File = "/elsewhere/x y.cpp";
    X.Line = 1;
    X.Column = 5;
    X.Notes.clear();
    X.Fixes.clear();
    R.Diagnostics.push_back(X);

    O.SourceRoot = "/repo";
    O.ToolVersion = "1.2.3";
    O.Rules.push_back({"poolguard-repeated-pool", "Detects pools created per request",
                       "", "", "warning"});
    O.Rules.push_back({"poolguard-dsn-query-append",
                       "Detects DSN query strings appended twice",
                       "Appending '?k=v' to a DSN that already has a query "
                       "string yields an invalid DSN",
                       "", "warning"});
    O.Read = [this](llvm::StringRef Path) -> std::optional<std::string> {
      auto It = Files.find(Path.str());
      if (It == Files.end())
        return std::nullopt;
      return It->second;
    };
  }

  json sarif() {
    const std::string Text = writeSarif(R, O);
    json J = json::parse(Text, nullptr, false);
    EXPECT_FALSE(J.is_discarded()) << Text;
    return J;
  }
};

TEST(SarifTest, LogAndRun) {
  Fixture F;
  json J = F.sarif();
  EXPECT_EQ(J["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(J["version"], "2.1.0");
  ASSERT_EQ(J["runs"].size(), 1u);
  json &Run = J["runs"][0];
  json &Driver = Run["tool"]["driver"];
  EXPECT_EQ(Driver["name"], "poolguard");
  EXPECT_EQ(Driver["version"], "1.2.3");
  EXPECT_EQ(Driver["semanticVersion"], "1.2.3");
  EXPECT_EQ(Driver["informationUri"], "https://github.com/poolguard/poolguard");
  EXPECT_EQ(Run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo/");
  EXPECT_EQ(Run["columnKind"], "utf16CodeUnits");
  EXPECT_EQ(Run["invocations"][0]["executionSuccessful"], true);
  EXPECT_EQ(Run["results"].size(), 3u);
}

TEST(SarifTest, RulesInOptionOrderThenMissingSorted) {
  Fixture F;
  json Rules = F.sarif()["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(Rules.size(), 3u);
  EXPECT_EQ(Rules[0]["id"], "poolguard-repeated-pool");
  EXPECT_EQ(Rules[1]["id"], "poolguard-dsn-query-append");
  EXPECT_EQ(Rules[2]["id"], "clang-diagnostic-error");
  // GitHub's required reportingDescriptor fields.
  for (const json &Rule : Rules) {
    EXPECT_TRUE(Rule["shortDescription"]["text"].is_string());
    EXPECT_TRUE(Rule["fullDescription"]["text"].is_string());
    EXPECT_TRUE(Rule["help"]["text"].is_string());
    EXPECT_TRUE(Rule["defaultConfiguration"]["level"].is_string());
  }
  EXPECT_EQ(Rules[0]["name"], "PoolguardRepeatedPool");
  EXPECT_EQ(Rules[0]["fullDescription"]["text"],
            "Detects pools created per request.");
  EXPECT_EQ(Rules[1]["helpUri"], "https://github.com/poolguard/poolguard/blob/"
                                 "main/docs/checks/poolguard-dsn-query-append.rst");
  EXPECT_EQ(Rules[1]["fullDescription"]["text"],
            "Appending '?k=v' to a DSN that already has a query string yields "
            "an invalid DSN.");
}

TEST(SarifTest, Results) {
  Fixture F;
  json Results = F.sarif()["runs"][0]["results"];
  json &A = Results[0];
  EXPECT_EQ(A["ruleId"], "poolguard-dsn-query-append");
  EXPECT_EQ(A["ruleIndex"], 1);
  EXPECT_EQ(A["level"], "warning");
  EXPECT_EQ(A["message"]["text"],
            "query string appended to a DSN that already has one.");
  json &Loc = A["locations"][0]["physicalLocation"];
  EXPECT_EQ(Loc["artifactLocation"]["uri"], "src/a.cpp");
  EXPECT_EQ(Loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  // "dsn" at column 12: the region spans the identifier.
  EXPECT_EQ(Loc["region"]["startLine"], 3);
  EXPECT_EQ(Loc["region"]["startColumn"], 12);
  EXPECT_EQ(Loc["region"]["endLine"], 3);
  EXPECT_EQ(Loc["region"]["endColumn"], 15);
  json &Note = A["relatedLocations"][0];
  EXPECT_EQ(Note["id"], 0);
  EXPECT_EQ(Note["message"]["text"], "DSN declared here.");
  EXPECT_EQ(Note["physicalLocation"]["artifactLocation"]["uri"], "src/db.h");
  const std::string Print = A["partialFingerprints"]["primaryLocationLineHash"];
  EXPECT_TRUE(llvm::StringRef(Print).ends_with(":1"));
  json &Change = A["fixes"][0]["artifactChanges"][0];
  EXPECT_EQ(Change["artifactLocation"]["uri"], "src/a.cpp");
  EXPECT_EQ(Change["replacements"][0]["deletedRegion"]["byteOffset"], 45);
  EXPECT_EQ(Change["replacements"][0]["insertedContent"]["text"], "&");

  EXPECT_EQ(Results[1]["level"], "error");
  EXPECT_EQ(Results[1]["ruleIndex"], 2);
  // Outside the root: an absolute file URI, percent-encoded, no base id.
  json &Out = Results[2]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(Out["uri"], "file:///elsewhere/x%20y.cpp");
  EXPECT_FALSE(Out.contains("uriBaseId"));
}

TEST(SarifTest, FingerprintStableAcrossLineShift) {
  Fixture F;
  const std::string Before = F.sarif()["runs"][0]["results"][0]
                                      ["partialFingerprints"]
                                      ["primaryLocationLineHash"];
  F.Files["/repo/src/a.cpp"] = "// moved\n\n" + F.Files["/repo/src/a.cpp"];
  F.R.Diagnostics[0].Line += 2;
  F.R.Diagnostics[0].Offset += 10;
  json After = F.sarif()["runs"][0]["results"][0];
  EXPECT_EQ(After["partialFingerprints"]["primaryLocationLineHash"], Before);
  EXPECT_EQ(After["locations"][0]["physicalLocation"]["region"]["startLine"], 5);
  EXPECT_EQ(Before, computeFingerprints(F.R, F.O.Read)[0]);
}

TEST(SarifTest, Utf16Columns) {
  const llvm::StringRef Text = "// héllo wörld\n\xF0\x9F\x98\x80x\n";
  // 'w' is byte column 11 ("// h" + 2-byte é + "llo "), UTF-16 column 10.
  EXPECT_EQ(utf16Column(Text, 1, 11), 10u);
  EXPECT_EQ(utf16Column(Text, 1, 1), 1u);
  // An emoji is 4 bytes and a surrogate pair.
  EXPECT_EQ(utf16Column(Text, 2, 5), 3u);
  EXPECT_EQ(utf16Column(Text, 9, 5), 5u);
  // Past the end of the line: counted in bytes beyond it.
  EXPECT_EQ(utf16Column("ab\n", 1, 5), 5u);
}

TEST(SarifTest, PoolguardRules) {
  const std::vector<SarifRule> Rules = poolguardRules();
  const auto &Table = clang::tidy::poolguard::PoolGuardChecks;
  ASSERT_EQ(Rules.size(), std::size(Table));
  for (const SarifRule &R : Rules) {
    EXPECT_TRUE(llvm::StringRef(R.Id).starts_with("poolguard-"));
    EXPECT_FALSE(R.ShortDescription.empty());
    EXPECT_FALSE(R.FullDescription.empty());
  }
  for (size_t I = 0; I < Rules.size(); ++I)
    EXPECT_EQ(Rules[I].Id, Table[I].Name);
  EXPECT_TRUE(llvm::is_sorted(Rules, [](const SarifRule &A, const SarifRule &B) {
    return A.Id < B.Id;
  }));
}

TEST(SarifTest, Uris) {
  EXPECT_EQ(pathToUri("src/a b#c.cpp"), "src/a%20b%23c.cpp");
  EXPECT_EQ(pathToUri("/abs/ü.cpp"), "file:///abs/%C3%BC.cpp");
  EXPECT_EQ(ruleHelpUri("poolguard-x"),
            "https://github.com/poolguard/poolguard/blob/main/docs/checks/"
            "poolguard-x.rst");
}

TEST(SarifTest, DeterministicAndEmpty) {
  Fixture F;
  EXPECT_EQ(writeSarif(F.R, F.O), writeSarif(F.R, F.O));
  Report Empty;
  SarifOptions O;
  O.SourceRoot = "/repo";
  json J = json::parse(writeSarif(Empty, O), nullptr, false);
  ASSERT_FALSE(J.is_discarded());
  EXPECT_TRUE(J["runs"][0]["results"].is_array());
  EXPECT_TRUE(J["runs"][0]["results"].empty());
  EXPECT_TRUE(J["runs"][0]["tool"]["driver"]["rules"].is_array());
}

TEST(SarifTest, InvalidUtf8IsReplacedNotFatal) {
  Fixture F;
  F.R.Diagnostics[0].Message = "bad byte \xff in a literal";
  json J = F.sarif();
  EXPECT_EQ(J["runs"][0]["results"][0]["message"]["text"],
            "bad byte \xEF\xBF\xBD in a literal.");
}

TEST(SarifTest, FailedTUsMarkInvocation) {
  Fixture F;
  F.R.TUsFailed = 1;
  EXPECT_EQ(F.sarif()["runs"][0]["invocations"][0]["executionSuccessful"],
            false);
}

} // namespace
} // namespace poolguard
