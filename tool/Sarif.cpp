//===----------------------------------------------------------------------===//
//
// SARIF 2.1.0 writer; see Sarif.h.
//
//===----------------------------------------------------------------------===//

#include "Sarif.h"
#include "Output.h"
#include "Checks.h"
#include "SourceText.h"
#include "utils/Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <map>
#include <set>
#include <nlohmann/json.hpp>

namespace poolguard {

using json = nlohmann::ordered_json;

static constexpr llvm::StringLiteral SrcRoot = "%SRCROOT%";

std::string ruleHelpUri(llvm::StringRef CheckId) {
  return ("https://github.com/poolguard/poolguard/blob/main/docs/checks/" +
          CheckId + ".rst")
      .str();
}

std::vector<SarifRule> poolguardRules() {
  std::vector<SarifRule> Rules;
  for (const clang::tidy::poolguard::CheckInfo &C :
       clang::tidy::poolguard::PoolGuardChecks)
    Rules.push_back({C.Name.str(), C.Summary.str(),
                     (C.Summary + C.Details).str(), "", "warning"});
  return Rules;
}

static bool isUnreserved(char C) {
  return llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~';
}

std::string pathToUri(llvm::StringRef Path) {
  const std::string Slashed = llvm::sys::path::convert_to_slash(Path);
  std::string Uri = llvm::StringRef(Slashed).starts_with("/") ? "file://" : "";
  for (char C : Slashed) {
    if (isUnreserved(C) || C == '/') {
      Uri.push_back(C);
      continue;
    }
    Uri += "%" + llvm::toHex(llvm::StringRef(&C, 1), /*LowerCase=*/false);
  }
  return Uri;
}



// UTF-16 code units in Bytes (invalid UTF-8 counts one unit per byte).
static unsigned utf16Length(llvm::StringRef Bytes) {
  unsigned Units = 0;
  size_t I = 0;
  while (I < Bytes.size()) {
    const auto *Start = reinterpret_cast<const llvm::UTF8 *>(Bytes.data() + I);
    const unsigned Len = llvm::getNumBytesForUTF8(Bytes[I]);
    if (I + Len > Bytes.size() ||
        !llvm::isLegalUTF8Sequence(Start, Start + Len)) {
      ++Units;
      ++I;
      continue;
    }
    Units += Len == 4 ? 2 : 1; // Outside the BMP: a surrogate pair.
    I += Len;
  }
  return Units;
}

unsigned utf16Column(llvm::StringRef FileText, unsigned Line,
                     unsigned ByteColumn) {
  const std::optional<llvm::StringRef> Text = lineOf(FileText, Line);
  if (!Text || ByteColumn == 0)
    return ByteColumn;
  const llvm::StringRef Before = Text->take_front(ByteColumn - 1);
  return utf16Length(Before) + 1 + (ByteColumn - 1 - Before.size());
}

// The end byte column (exclusive) of the token at ByteColumn: an identifier
// or number extends over [A-Za-z0-9_], anything else is one character.
static unsigned tokenEndByteColumn(llvm::StringRef Line, unsigned ByteColumn) {
  if (ByteColumn == 0 || ByteColumn > Line.size())
    return ByteColumn + 1;
  size_t I = ByteColumn - 1;
  const auto IsIdent = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  if (IsIdent(Line[I])) {
    while (I < Line.size() && IsIdent(Line[I]))
      ++I;
    return I + 1;
  }
  const unsigned Len = llvm::getNumBytesForUTF8(Line[I]);
  return std::min<size_t>(I + Len, Line.size()) + 1;
}

static std::string pascalCase(llvm::StringRef Id) {
  std::string Name;
  bool Upper = true;
  for (char C : Id) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Name.push_back(Upper ? llvm::toUpper(C) : C);
    Upper = false;
  }
  return Name;
}

static std::string sarifLevel(llvm::StringRef Severity) {
  if (Severity == "error" || Severity == "note")
    return Severity.str();
  return "warning";
}

static std::string withPeriod(llvm::StringRef Text) {
  if (Text.empty() || Text.ends_with(".") || Text.ends_with("!") ||
      Text.ends_with("?"))
    return Text.str();
  return (Text + ".").str();
}

namespace {

class SarifWriter {
public:
  SarifWriter(const Report &R, const SarifOptions &O)
      : R(R), O(O), Files(R, O.Read) {
    RootUri = pathToUri(clang::tidy::poolguard::absolutePath(O.SourceRoot));
    if (!llvm::StringRef(RootUri).ends_with("/"))
      RootUri += "/";
  }

  std::string write() {
    json Rules = rules();
    const std::vector<std::string> Prints = computeFingerprints(R, O.Read, O.SourceRoot);
    json Results = json::array();
    for (size_t I = 0; I < R.Diagnostics.size(); ++I)
      Results.push_back(result(R.Diagnostics[I], Prints[I]));

    json Driver = {{"name", "poolguard"},
                   {"version", O.ToolVersion},
                   {"semanticVersion", O.ToolVersion},
                   {"informationUri", O.InformationUri},
                   {"rules", std::move(Rules)}};
    json Run = {
        {"tool", {{"driver", std::move(Driver)}}},
        {"invocations", json::array({invocation()})},
        {"originalUriBaseIds", {{SrcRoot.str(), {{"uri", RootUri}}}}},
        {"results", std::move(Results)},
        {"columnKind", "utf16CodeUnits"}};
    json Log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({std::move(Run)})}};
    return Log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  }

private:
  /// Whether the run succeeded, and why its results may be incomplete.
  json invocation() {
    json Inv = {{"executionSuccessful", R.TUsFailed == 0}};
    if (std::string Failed = failedTUsText(R); !Failed.empty())
      Inv["toolExecutionNotifications"] = json::array(
          {{{"level", "warning"}, {"message", {{"text", Failed + "."}}}}});
    Inv["properties"] = {{"suppressedByNolint", R.SuppressedByNolint},
                         {"suppressedByBaseline", R.SuppressedByBaseline}};
    return Inv;
  }

  json rules() {
    std::vector<SarifRule> All;
    for (const SarifRule &Rule : O.Rules)
      if (RuleIndex.try_emplace(Rule.Id, All.size()).second)
        All.push_back(Rule);
    std::set<std::string> Missing;
    for (const ReportDiagnostic &D : R.Diagnostics)
      if (!RuleIndex.count(D.Check))
        Missing.insert(D.Check);
    for (const std::string &Id : Missing) {
      RuleIndex[Id] = All.size();
      SarifRule Rule;
      Rule.Id = Id;
      Rule.ShortDescription = "Diagnostics reported as '" + Id + "'";
      if (llvm::StringRef(Id).starts_with("clang-diagnostic-"))
        Rule.HelpUri = "https://clang.llvm.org/docs/DiagnosticsReference.html";
      else if (llvm::StringRef(Id).starts_with("clang-tidy-"))
        Rule.HelpUri = "https://clang.llvm.org/extra/clang-tidy/"
                       "#suppressing-undesired-diagnostics";
      All.push_back(Rule);
    }

    json Rules = json::array();
    for (const SarifRule &Rule : All) {
      const std::string Short = withPeriod(Rule.ShortDescription);
      const std::string Full = Rule.FullDescription.empty()
                                   ? Short
                                   : withPeriod(Rule.FullDescription);
      const std::string Help =
          Rule.HelpUri.empty() ? ruleHelpUri(Rule.Id) : Rule.HelpUri;
      Rules.push_back(
          {{"id", Rule.Id},
           {"name", pascalCase(Rule.Id)},
           {"shortDescription", {{"text", Short}}},
           {"fullDescription", {{"text", Full}}},
           {"defaultConfiguration", {{"level", sarifLevel(Rule.DefaultLevel)}}},
           {"helpUri", Help},
           {"help",
            {{"text", Full + " See " + Help + "."},
             {"markdown", Full + " See [" + Rule.Id + "](" + Help + ")."}}}});
    }
    return Rules;
  }

  const std::optional<std::string> &file(const std::string &Path) {
    return Files.get(Path);
  }

  json artifactLocation(llvm::StringRef File) {
    const std::string Rel = relativeToRoot(File, O.SourceRoot);
    if (llvm::sys::path::is_absolute(Rel))
      return {{"uri", pathToUri(Rel)}};
    return {{"uri", pathToUri(Rel)}, {"uriBaseId", SrcRoot.str()}};
  }

  json physicalLocation(const std::string &File, unsigned Line,
                        unsigned Column) {
    json Physical = {{"artifactLocation", artifactLocation(File)}};
    if (Line == 0) {
      // A whole-file finding: point at its start, as GitHub needs a region.
      Line = 1;
      Column = 1;
    }
    unsigned Start = std::max(Column, 1u), End = Start + 1;
    const std::optional<std::string> &Text = file(File);
    if (Text) {
      if (const std::optional<llvm::StringRef> L = lineOf(*Text, Line)) {
        const unsigned EndByte = tokenEndByteColumn(*L, Start);
        Start = utf16Column(*Text, Line, Start);
        End = utf16Column(*Text, Line, EndByte);
      }
    }
    Physical["region"] = {{"startLine", Line},
                          {"startColumn", Start},
                          {"endLine", Line},
                          {"endColumn", std::max(End, Start + 1)}};
    return Physical;
  }

  json result(const ReportDiagnostic &D, const std::string &Fingerprint) {
    json Result = {{"ruleId", D.Check},
                   {"ruleIndex", RuleIndex[D.Check]},
                   {"level", sarifLevel(D.Severity)},
                   {"message", {{"text", withPeriod(D.Message)}}}};
    json Locations = json::array();
    if (!D.File.empty())
      Locations.push_back(
          {{"physicalLocation", physicalLocation(D.File, D.Line, D.Column)}});
    Result["locations"] = std::move(Locations);

    json Related = json::array();
    for (const ReportNote &N : D.Notes) {
      json Loc = {{"id", Related.size()},
                  {"message", {{"text", withPeriod(N.Message)}}}};
      if (!N.File.empty())
        Loc["physicalLocation"] = physicalLocation(N.File, N.Line, N.Column);
      Related.push_back(std::move(Loc));
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);

    Result["partialFingerprints"] = {{"primaryLocationLineHash", Fingerprint}};

    if (!D.Fixes.empty())
      Result["fixes"] = json::array({fix(D)});
    return Result;
  }

  // All replacements of a diagnostic as one SARIF fix, grouped per file.
  json fix(const ReportDiagnostic &D) {
    std::map<std::string, json> PerFile;
    for (const ReportFix &F : D.Fixes) {
      json &Change = PerFile[F.File];
      if (Change.is_null())
        Change = {{"artifactLocation", artifactLocation(F.File)},
                  {"replacements", json::array()}};
      json Replacement = {
          {"deletedRegion", {{"byteOffset", F.Offset}, {"byteLength", F.Length}}}};
      if (!F.Replacement.empty())
        Replacement["insertedContent"] = {{"text", F.Replacement}};
      Change["replacements"].push_back(std::move(Replacement));
    }
    json Changes = json::array();
    for (auto &Entry : PerFile)
      Changes.push_back(std::move(Entry.second));
    return {{"description", {{"text", withPeriod("Apply the fix of " + D.Check)}}},
            {"artifactChanges", std::move(Changes)}};
  }

  const Report &R;
  const SarifOptions &O;
  ReportFiles Files;
  std::string RootUri;
  llvm::StringMap<size_t> RuleIndex;
};

} // namespace

std::string writeSarif(const Report &R, const SarifOptions &O) {
  return SarifWriter(R, O).write();
}

} // namespace poolguard
