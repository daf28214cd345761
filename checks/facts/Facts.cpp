//===----------------------------------------------------------------------===//
//
// JSON (de)serialization and merging of facts. nlohmann/json is used without
// exceptions: parse with allow_exceptions=false and read with value().
//
//===----------------------------------------------------------------------===//

#include "facts/Facts.h"
#include "utils/JSONSyntax.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <nlohmann/json.hpp>
#include <algorithm>
#include <tuple>

using nlohmann::json;

namespace clang::tidy::poolguard {

bool operator<(const SourcePos &A, const SourcePos &B) {
  return std::tie(A.File, A.Line, A.Column, A.Offset) <
         std::tie(B.File, B.Line, B.Column, B.Offset);
}
bool operator==(const SourcePos &A, const SourcePos &B) {
  return std::tie(A.File, A.Line, A.Column, A.Offset) ==
         std::tie(B.File, B.Line, B.Column, B.Offset);
}

namespace {

json posToJSON(const SourcePos &P) {
  return json{{"file", P.File},
              {"line", P.Line},
              {"column", P.Column},
              {"offset", P.Offset}};
}

/// Reads fields of one JSON object and records the first type error.
class Reader : public JSONFieldReader {
public:
  using JSONFieldReader::JSONFieldReader;

  SourcePos pos(const char *Key) {
    SourcePos P;
    const json *V = find(Key);
    if (!V)
      return P;
    JSONFieldReader R(*V, where() + "." + Key, error());
    P.File = R.str("file");
    P.Line = R.uns("line");
    P.Column = R.uns("column");
    P.Offset = R.uns("offset");
    return P;
  }
};

template <typename T, typename Fn>
void readArray(const json &Root, const char *Key, std::vector<T> &Out,
               std::string &Error, Fn ReadOne) {
  auto It = Root.find(Key);
  if (It == Root.end())
    return;
  if (!It->is_array()) {
    if (Error.empty())
      Error = std::string(Key) + ": expected an array";
    return;
  }
  for (size_t I = 0; I < It->size() && Error.empty(); ++I) {
    Reader R((*It)[I], std::string(Key) + "[" + std::to_string(I) + "]",
             Error);
    Out.push_back(ReadOne(R));
  }
}

auto key(const ModuleFact &M) {
  return std::tie(M.Key, M.Name, M.Framework, M.Loc);
}
auto key(const RegistrationFact &R) {
  return std::tie(R.Service, R.Loc, R.Interface, R.Module, R.Framework,
                  R.Lifetime, R.InstanceName, R.Container,
                  R.PoolCreatedByProvider, R.Database, R.Program);
}
auto key(const ImportFact &I) {
  return std::tie(I.Module, I.Imported, I.Loc, I.Injector);
}
auto key(const PoolOwnerFact &O) { return std::tie(O.Type, O.Reason, O.Loc); }
auto key(const HoldingFact &H) {
  return std::tie(H.Held, H.Owner, H.Member, H.Loc);
}
auto key(const PoolCreationFact &C) {
  return std::tie(C.Loc, C.Library, C.Callee, C.Size, C.SizeText,
                  C.SizeIsDefault, C.Unbounded, C.PerThread,
                  C.SizeIsInitialCache, C.Database, C.DatabaseText, C.OwnerType,
                  C.Module, C.Function, C.Multiplier, C.MultiplierReason,
                  C.MultiplierSetting, C.Instance, C.Repeats,
                  C.Program);
}
auto key(const SettingFact &S) {
  return std::tie(S.Name, S.Loc, S.Value, S.Text, S.IsDefault);
}

template <typename T> void sortUnique(std::vector<T> &V) {
  llvm::sort(V, [](const T &A, const T &B) { return key(A) < key(B); });
  V.erase(std::unique(V.begin(), V.end(),
                      [](const T &A, const T &B) { return key(A) == key(B); }),
          V.end());
}

} // namespace

std::string toJSON(const Facts &F) {
  // Source text and paths need not be UTF-8 (a Latin-1 literal or file
  // name): replace invalid bytes instead of aborting (no exceptions).
  return factsToJSONValue(F).dump(/*indent=*/-1, ' ', /*ensure_ascii=*/false,
                                  json::error_handler_t::replace);
}

json factsToJSONValue(const Facts &F) {
  json Root = json::object();
  Root["version"] = FactsFormatVersion;
  Root["translationUnits"] = F.TranslationUnits;
  json &Mods = Root["modules"] = json::array();
  for (const ModuleFact &M : F.Modules)
    Mods.push_back({{"key", M.Key},
                    {"name", M.Name},
                    {"framework", M.Framework},
                    {"loc", posToJSON(M.Loc)}});
  json &Regs = Root["registrations"] = json::array();
  for (const RegistrationFact &R : F.Registrations)
    Regs.push_back({{"service", R.Service},
                    {"interface", R.Interface},
                    {"module", R.Module},
                    {"framework", R.Framework},
                    {"lifetime", R.Lifetime},
                    {"instanceName", R.InstanceName},
                    {"container", R.Container},
                    {"poolCreatedByProvider", R.PoolCreatedByProvider},
                    {"database", R.Database},
                    {"program", R.Program},
                    {"loc", posToJSON(R.Loc)}});
  json &Imps = Root["imports"] = json::array();
  for (const ImportFact &I : F.Imports)
    Imps.push_back({{"module", I.Module},
                    {"imported", I.Imported},
                    {"injector", I.Injector},
                    {"loc", posToJSON(I.Loc)}});
  json &Owners = Root["poolOwners"] = json::array();
  for (const PoolOwnerFact &O : F.PoolOwners)
    Owners.push_back(
        {{"type", O.Type}, {"reason", O.Reason}, {"loc", posToJSON(O.Loc)}});
  if (!F.Holdings.empty()) {
    json &Holdings = Root["holdings"] = json::array();
    for (const HoldingFact &H : F.Holdings)
      Holdings.push_back({{"owner", H.Owner},
                          {"held", H.Held},
                          {"member", H.Member},
                          {"loc", posToJSON(H.Loc)}});
  }
  json &Pools = Root["poolCreations"] = json::array();
  for (const PoolCreationFact &C : F.PoolCreations) {
    json J = {{"library", C.Library},
              {"callee", C.Callee},
              {"size", C.Size ? json(*C.Size) : json(nullptr)},
              {"sizeText", C.SizeText},
              {"sizeIsDefault", C.SizeIsDefault},
              {"unbounded", C.Unbounded},
              {"perThread", C.PerThread},
              {"sizeIsInitialCache", C.SizeIsInitialCache},
              {"database", C.Database},
              {"databaseText", C.DatabaseText},
              {"ownerType", C.OwnerType},
              {"module", C.Module},
              {"function", C.Function},
              {"multiplier", C.Multiplier},
              {"multiplierReason", C.MultiplierReason},
              {"loc", posToJSON(C.Loc)}};
    if (!C.MultiplierSetting.empty())
      J["multiplierSetting"] = C.MultiplierSetting;
    if (!C.Instance.empty())
      J["instance"] = C.Instance;
    if (!C.Repeats.empty())
      J["repeats"] = C.Repeats;
    if (!C.Program.empty())
      J["program"] = C.Program;
    Pools.push_back(std::move(J));
  }
  // Written only when present, so facts without them are unchanged.
  if (!F.Settings.empty()) {
    json &Settings = Root["settings"] = json::array();
    for (const SettingFact &S : F.Settings)
      Settings.push_back({{"name", S.Name},
                          {"value", S.Value},
                          {"text", S.Text},
                          {"isDefault", S.IsDefault},
                          {"loc", posToJSON(S.Loc)}});
  }
  if (!F.ConfigFiles.empty())
    Root["configFiles"] = F.ConfigFiles;
  return Root;
}

llvm::Expected<Facts> factsFromJSON(llvm::StringRef Text,
                                    llvm::StringRef Origin) {
  auto Root = parseJSON(Text, Origin);
  if (!Root)
    return Root.takeError();
  return factsFromJSONValue(*Root, Origin);
}

llvm::Expected<Facts> factsFromJSONValue(const json &Root,
                                         llvm::StringRef Origin) {
  if (!Root.is_object())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: not a poolguard facts file (invalid "
                                   "JSON)",
                                   Origin.str().c_str());
  auto Version = Root.find("version");
  if (Version == Root.end() || !Version->is_number_integer() ||
      Version->get<int>() != FactsFormatVersion)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s: facts format version %s is not supported (expected %d); "
        "regenerate it with this poolguard",
        Origin.str().c_str(),
        Version == Root.end()     ? "(none)"
        : Version->is_primitive() ? Version->dump().c_str()
                                  : Version->type_name(),
        FactsFormatVersion);

  Facts F;
  std::string Error;
  if (auto It = Root.find("translationUnits"); It != Root.end()) {
    if (!It->is_array())
      Error = "translationUnits: expected an array";
    else
      for (const json &TU : *It) {
        if (!TU.is_string()) {
          Error = "translationUnits: expected strings";
          break;
        }
        F.TranslationUnits.push_back(TU.get<std::string>());
      }
  }
  readArray(Root, "modules", F.Modules, Error, [](Reader &R) {
    ModuleFact M;
    M.Key = R.str("key");
    M.Name = R.str("name");
    M.Framework = R.str("framework");
    M.Loc = R.pos("loc");
    return M;
  });
  readArray(Root, "registrations", F.Registrations, Error, [](Reader &R) {
    RegistrationFact G;
    G.Service = R.str("service");
    G.Interface = R.str("interface");
    G.Module = R.str("module");
    G.Framework = R.str("framework");
    G.Lifetime = R.str("lifetime");
    G.InstanceName = R.str("instanceName");
    G.Container = R.str("container");
    G.PoolCreatedByProvider = R.boolean("poolCreatedByProvider");
    G.Database = R.str("database");
    G.Program = R.str("program");
    G.Loc = R.pos("loc");
    return G;
  });
  readArray(Root, "imports", F.Imports, Error, [](Reader &R) {
    ImportFact I;
    I.Module = R.str("module");
    I.Imported = R.str("imported");
    I.Injector = R.boolean("injector");
    I.Loc = R.pos("loc");
    return I;
  });
  readArray(Root, "poolOwners", F.PoolOwners, Error, [](Reader &R) {
    PoolOwnerFact O;
    O.Type = R.str("type");
    O.Reason = R.str("reason");
    O.Loc = R.pos("loc");
    return O;
  });
  readArray(Root, "holdings", F.Holdings, Error, [](Reader &R) {
    HoldingFact H;
    H.Owner = R.str("owner");
    H.Held = R.str("held");
    H.Member = R.str("member");
    H.Loc = R.pos("loc");
    return H;
  });
  readArray(Root, "poolCreations", F.PoolCreations, Error, [](Reader &R) {
    PoolCreationFact C;
    C.Library = R.str("library");
    C.Callee = R.str("callee");
    C.Size = R.optInt("size");
    C.SizeText = R.str("sizeText");
    C.SizeIsDefault = R.boolean("sizeIsDefault");
    C.Unbounded = R.boolean("unbounded");
    C.PerThread = R.boolean("perThread");
    C.SizeIsInitialCache = R.boolean("sizeIsInitialCache");
    C.Database = R.str("database");
    C.DatabaseText = R.str("databaseText");
    C.OwnerType = R.str("ownerType");
    C.Module = R.str("module");
    C.Function = R.str("function");
    C.Multiplier = R.uns("multiplier", 1);
    C.MultiplierReason = R.str("multiplierReason");
    C.MultiplierSetting = R.str("multiplierSetting");
    C.Instance = R.str("instance");
    C.Repeats = R.str("repeats");
    C.Program = R.str("program");
    C.Loc = R.pos("loc");
    return C;
  });
  readArray(Root, "settings", F.Settings, Error, [](Reader &R) {
    SettingFact S;
    S.Name = R.str("name");
    S.Value = R.optInt("value").value_or(0);
    S.Text = R.str("text");
    S.IsDefault = R.boolean("isDefault");
    S.Loc = R.pos("loc");
    return S;
  });
  if (auto It = Root.find("configFiles"); It != Root.end() && Error.empty()) {
    if (!It->is_array())
      Error = "configFiles: expected an array";
    else
      for (const json &File : *It) {
        if (!File.is_string()) {
          Error = "configFiles: expected strings";
          break;
        }
        F.ConfigFiles.push_back(File.get<std::string>());
      }
  }
  if (!Error.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: invalid facts: %s",
                                   Origin.str().c_str(), Error.c_str());
  return F;
}

void forEachPath(Facts &F, llvm::function_ref<void(std::string &)> Fn) {
  auto Each = [&](auto &Vector) {
    for (auto &Fact : Vector)
      Fn(Fact.Loc.File);
  };
  Each(F.Modules);
  Each(F.Registrations);
  Each(F.Imports);
  Each(F.PoolOwners);
  Each(F.PoolCreations);
  Each(F.Settings);
  llvm::for_each(F.TranslationUnits, Fn);
  llvm::for_each(F.ConfigFiles, Fn);
}

Facts mergeFacts(std::vector<Facts> Parts) {
  Facts Out;
  for (Facts &P : Parts) {
    llvm::append_range(Out.TranslationUnits, P.TranslationUnits);
    llvm::append_range(Out.Modules, P.Modules);
    llvm::append_range(Out.Registrations, P.Registrations);
    llvm::append_range(Out.Imports, P.Imports);
    llvm::append_range(Out.PoolOwners, P.PoolOwners);
    llvm::append_range(Out.Holdings, P.Holdings);
    llvm::append_range(Out.PoolCreations, P.PoolCreations);
    llvm::append_range(Out.Settings, P.Settings);
    llvm::append_range(Out.ConfigFiles, P.ConfigFiles);
  }
  llvm::sort(Out.TranslationUnits);
  Out.TranslationUnits.erase(
      std::unique(Out.TranslationUnits.begin(), Out.TranslationUnits.end()),
      Out.TranslationUnits.end());
  sortUnique(Out.Modules);
  sortUnique(Out.Registrations);
  sortUnique(Out.Imports);
  sortUnique(Out.PoolOwners);
  sortUnique(Out.Holdings);
  sortUnique(Out.PoolCreations);
  sortUnique(Out.Settings);
  llvm::sort(Out.ConfigFiles);
  Out.ConfigFiles.erase(
      std::unique(Out.ConfigFiles.begin(), Out.ConfigFiles.end()),
      Out.ConfigFiles.end());
  return Out;
}

} // namespace clang::tidy::poolguard
