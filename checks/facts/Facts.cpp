//===----------------------------------------------------------------------===//
//
// JSON (de)serialization and merging of facts. nlohmann/json is used without
// exceptions: parse with allow_exceptions=false and read with value().
//
//===----------------------------------------------------------------------===//

#include "facts/Facts.h"
#include "facts/FactsSchema.h"
#include "utils/JSONSyntax.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
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

using namespace schema;

// Every member of every fact type is in its field list: a field added to a
// struct and not to its list would be neither written, read nor merged.
static_assert(listsEveryMember<SourcePos>() && listsEveryMember<ModuleFact>() &&
                  listsEveryMember<RegistrationFact>() &&
                  listsEveryMember<ImportFact>() &&
                  listsEveryMember<PoolOwnerFact>() &&
                  listsEveryMember<HoldingFact>() &&
                  listsEveryMember<PoolCreationFact>() &&
                  listsEveryMember<SettingFact>() && listsEveryMember<Facts>(),
              "a member is missing from its field list in FactsSchema.h");

template <typename V> struct IsVector : std::false_type {};
template <typename T> struct IsVector<std::vector<T>> : std::true_type {};
template <typename V, typename = void> struct HasSchema : std::false_type {};
template <typename V>
struct HasSchema<V, std::void_t<decltype(Schema<V>::Fields)>>
    : std::true_type {};

// The JSON value of each kind of field.
json toValue(const std::string &S) { return S; }
json toValue(bool B) { return B; }
json toValue(unsigned U) { return U; }
json toValue(int64_t I) { return I; }
json toValue(const std::optional<int64_t> &I) {
  return I ? json(*I) : json(nullptr);
}
template <typename T> json toValue(const T &Fact);
json toValue(const std::vector<std::string> &V) { return V; }
template <typename T> json toValue(const std::vector<T> &V) {
  json Array = json::array();
  for (const T &Each : V)
    Array.push_back(toValue(Each));
  return Array;
}
template <typename V> bool isEmpty(const V &Value) {
  if constexpr (IsVector<V>::value || std::is_same_v<V, std::string>)
    return Value.empty();
  // A scalar has no empty value (OmitEmpty on it would be a schema error).
  return false;
}
template <typename T> json toValue(const T &Fact) {
  json Object = json::object();
  forEachField<T>([&](const auto &F) {
    const auto &Value = Fact.*F.Ptr;
    if ((F.Flags & OmitEmpty) && isEmpty(Value))
      return;
    Object[F.Name] = toValue(Value);
  });
  return Object;
}

// Reading each kind of field; a missing field keeps the member's default.
void read(JSONFieldReader &R, const char *Key, std::string &Out) {
  Out = R.str(Key);
}
void read(JSONFieldReader &R, const char *Key, bool &Out) {
  Out = R.boolean(Key);
}
void read(JSONFieldReader &R, const char *Key, unsigned &Out) {
  Out = R.uns(Key, Out);
}
void read(JSONFieldReader &R, const char *Key, int64_t &Out) {
  Out = R.optInt(Key).value_or(Out);
}
void read(JSONFieldReader &R, const char *Key, std::optional<int64_t> &Out) {
  Out = R.optInt(Key);
}
void read(JSONFieldReader &R, const char *Key, std::vector<std::string> &Out) {
  const json *V = R.find(Key);
  if (!V)
    return;
  if (!V->is_array())
    return R.fail(Key, "an array");
  for (const json &Each : *V) {
    if (!Each.is_string())
      return R.fail(Key, "strings");
    Out.push_back(Each.get<std::string>());
  }
}
template <typename T> void readFields(JSONFieldReader &R, T &Out);
template <typename T>
void read(JSONFieldReader &R, const char *Key, std::vector<T> &Out) {
  R.each(Key, [&](JSONFieldReader &Element) {
    readFields(Element, Out.emplace_back());
  });
}
template <typename T> void read(JSONFieldReader &R, const char *Key, T &Out) {
  const json *V = R.find(Key);
  if (!V)
    return;
  JSONFieldReader Nested(*V, R.where() + "." + Key, R.error());
  readFields(Nested, Out);
}
template <typename T> void readFields(JSONFieldReader &R, T &Out) {
  forEachField<T>([&](const auto &F) { read(R, F.Name, Out.*F.Ptr); });
}

// Paths: the fields marked Path, in facts and their positions.
template <typename V>
void visitPaths(V &Value, unsigned Flags,
                llvm::function_ref<void(std::string &)> Fn) {
  if constexpr (std::is_same_v<V, std::string>) {
    if (Flags & Path)
      Fn(Value);
  } else if constexpr (IsVector<V>::value) {
    for (auto &Each : Value)
      visitPaths(Each, Flags, Fn);
  } else if constexpr (HasSchema<V>::value) {
    forEachField<V>(
        [&](const auto &F) { visitPaths(Value.*F.Ptr, F.Flags, Fn); });
  }
}

// The merge's order: the SortBy members, then every field in list order.
template <typename V> int compareValues(const V &A, const V &B) {
  return A < B ? -1 : B < A ? 1 : 0;
}
template <typename T> int compareFacts(const T &A, const T &B) {
  int Result = 0;
  auto Member = [&](auto Ptr) {
    if (Result == 0)
      Result = compareValues(A.*Ptr, B.*Ptr);
  };
  std::apply([&](auto... Ptr) { (Member(Ptr), ...); }, Schema<T>::SortBy);
  forEachField<T>([&](const auto &F) { Member(F.Ptr); });
  return Result;
}

template <typename T> void sortUnique(std::vector<T> &V) {
  llvm::sort(V, [](const T &A, const T &B) { return compareFacts(A, B) < 0; });
  V.erase(std::unique(V.begin(), V.end(),
                      [](const T &A, const T &B) {
                        return compareFacts(A, B) == 0;
                      }),
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
  json Root = toValue(F);
  Root["version"] = FactsFormatVersion;
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
  JSONFieldReader R(Root, "", Error);
  readFields(R, F);
  if (!Error.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: invalid facts: %s",
                                   Origin.str().c_str(), Error.c_str());
  return F;
}

void forEachPath(Facts &F, llvm::function_ref<void(std::string &)> Fn) {
  // A program is a path when a TU defining main named it after its main
  // file; visited before the translation units are renamed.
  llvm::StringSet<> MainFiles;
  for (const std::string &TU : F.TranslationUnits)
    MainFiles.insert(TU);
  auto Program = [&](std::string &P) {
    if (!P.empty() && MainFiles.contains(P))
      Fn(P);
  };
  for (RegistrationFact &R : F.Registrations)
    Program(R.Program);
  for (PoolCreationFact &C : F.PoolCreations)
    Program(C.Program);
  visitPaths(F, Always, Fn);
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
