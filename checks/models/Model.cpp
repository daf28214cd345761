//===----------------------------------------------------------------------===//
//
// Loading and validation of framework model files. nlohmann/json parses the
// values; a small scanner maps every key to its line so that errors can name
// file, line and key.
//
//===----------------------------------------------------------------------===//

#include "models/Model.h"
#include "utils/JSONSyntax.h"
#include "utils/ReadFile.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/GlobPattern.h"
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

namespace clang::tidy::poolguard {

// The names of the model vocabularies, in the order docs/models.md lists
// them (error messages list them in this order).
template <> llvm::ArrayRef<EnumName<DsnRole>> namesOf<DsnRole>() {
  static constexpr EnumName<DsnRole> Names[] = {
      {"dsn", DsnRole::Dsn},   {"driver", DsnRole::Driver},
      {"host", DsnRole::Host}, {"port", DsnRole::Port},
      {"database", DsnRole::Database}, {"file", DsnRole::File}};
  return Names;
}
template <> llvm::ArrayRef<EnumName<ValueFrom>> namesOf<ValueFrom>() {
  using F = ValueFrom;
  static constexpr EnumName<ValueFrom> Names[] = {
      {"templateArg", F::TemplateArg},
      {"chainedTemplateArg", F::ChainedTemplateArg},
      {"arg", F::Arg},
      {"param", F::Param},
      {"argType", F::ArgType},
      {"argPointee", F::ArgPointee},
      {"lambdaReturn", F::LambdaReturn},
      {"lambdaReturnPointee", F::LambdaReturnPointee},
      {"field", F::Field},
      {"optionAfter", F::OptionAfter},
      {"uriQuery", F::UriQuery},
      {"connStringKey", F::ConnStringKey},
      {"classTemplateArg", F::ClassTemplateArg},
      {"chainedArgType", F::ChainedArgType},
      {"calleeClass", F::CalleeClass},
      {"resultMethodArg", F::ResultMethodArg},
      {"chainedCall", F::ChainedCall},
      {"objectModules", F::ObjectModules}};
  return Names;
}
template <> llvm::ArrayRef<EnumName<LifetimeKind>> namesOf<LifetimeKind>() {
  using L = LifetimeKind;
  static constexpr EnumName<LifetimeKind> Names[] = {
      {"per-registration", L::PerRegistration},
      {"per-name", L::PerName},
      {"per-type", L::PerType},
      {"per-module", L::PerModule},
      {"per-injector", L::PerInjector},
      {"global", L::Global},
      {"per-consumer", L::PerConsumer}};
  return Names;
}
template <> llvm::ArrayRef<EnumName<ModuleKind>> namesOf<ModuleKind>() {
  static constexpr EnumName<ModuleKind> Names[] = {
      {"enclosingFunction", ModuleKind::EnclosingFunction},
      {"enclosingClass", ModuleKind::EnclosingClass}};
  return Names;
}
template <> llvm::ArrayRef<EnumName<ConfigFormat>> namesOf<ConfigFormat>() {
  static constexpr EnumName<ConfigFormat> Names[] = {
      {"userver-static-config", ConfigFormat::UserverStaticConfig},
      {"drogon-config", ConfigFormat::DrogonConfig}};
  return Names;
}
template <> llvm::ArrayRef<EnumName<MatchKind>> namesOf<MatchKind>() {
  static constexpr EnumName<MatchKind> Names[] = {
      {"call", MatchKind::Call},
      {"construct", MatchKind::Construct},
      {"member", MatchKind::Member},
      {"base", MatchKind::Base}};
  return Names;
}

DsnRole dsnRoleOf(llvm::StringRef Name) {
  return enumFromName<DsnRole>(Name).value_or(DsnRole::None);
}

using OJson = nlohmann::ordered_json;

namespace {

/// Finds the line of an object key or array element by its path
/// ("/pools/2/size/from") in text that nlohmann already accepted. Only
/// errors ask, so the text is walked then, without recursion and without
/// storing a path per element (that would cost memory proportional to
/// depth times size).
class KeyLines {
public:
  explicit KeyLines(llvm::StringRef Text) : Text(Text) {}

  unsigned lineOf(llvm::StringRef Path) const {
    size_t Pos = skipSpace(0);
    size_t Found = llvm::StringRef::npos;
    while (Path.consume_front("/")) {
      Found = llvm::StringRef::npos;
      if (Pos >= Text.size())
        return 1;
      if (Text[Pos] == '{') {
        Pos = skipSpace(Pos + 1);
        while (Pos < Text.size() && Text[Pos] == '"') {
          size_t KeyPos = Pos;
          std::string Key = string(Pos);
          Pos = skipSpace(skipSpace(Pos) + 1); // ':'
          // A key may hold '/'.
          if (Path.starts_with(Key) &&
              (Path.size() == Key.size() || Path[Key.size()] == '/')) {
            Found = KeyPos;
            Path = Path.drop_front(Key.size());
            break;
          }
          Pos = skipSpace(skipValue(Pos));
          if (Pos < Text.size() && Text[Pos] == ',')
            Pos = skipSpace(Pos + 1);
        }
      } else if (Text[Pos] == '[') {
        llvm::StringRef Segment =
            Path.take_until([](char C) { return C == '/'; });
        Path = Path.drop_front(Segment.size());
        unsigned Index;
        if (Segment.getAsInteger(10, Index))
          return 1;
        Pos = skipSpace(Pos + 1);
        for (unsigned I = 0; Pos < Text.size() && Text[Pos] != ']'; ++I) {
          if (I == Index) {
            Found = Pos;
            break;
          }
          Pos = skipSpace(skipValue(Pos));
          if (Pos < Text.size() && Text[Pos] == ',')
            Pos = skipSpace(Pos + 1);
        }
      }
      if (Found == llvm::StringRef::npos)
        return 1;
    }
    if (Found == llvm::StringRef::npos)
      return 1;
    return 1 + Text.take_front(Found).count('\n');
  }

private:
  size_t skipSpace(size_t Pos) const {
    while (Pos < Text.size() && llvm::StringRef(" \t\r\n").contains(Text[Pos]))
      ++Pos;
    return Pos;
  }

  /// The string starting at \p Pos (escapes kept as the escaped character);
  /// \p Pos moves past it.
  std::string string(size_t &Pos) const {
    std::string Out;
    ++Pos; // Opening quote.
    while (Pos < Text.size() && Text[Pos] != '"') {
      if (Text[Pos] == '\\' && Pos + 1 < Text.size())
        ++Pos;
      Out += Text[Pos++];
    }
    ++Pos; // Closing quote.
    return Out;
  }

  /// The position after the value that starts at \p Pos.
  size_t skipValue(size_t Pos) const {
    unsigned Depth = 0;
    do {
      if (Pos >= Text.size())
        return Pos;
      char C = Text[Pos];
      if (C == '"') {
        for (++Pos; Pos < Text.size() && Text[Pos] != '"'; ++Pos)
          if (Text[Pos] == '\\')
            ++Pos;
        ++Pos;
      } else if (C == '[' || C == '{') {
        ++Depth;
        ++Pos;
      } else if (C == ']' || C == '}') {
        --Depth;
        ++Pos;
      } else if (Depth == 0) {
        while (Pos < Text.size() &&
               !llvm::StringRef(",]} \t\r\n").contains(Text[Pos]))
          ++Pos;
      } else {
        ++Pos;
      }
    } while (Depth > 0);
    return Pos;
  }

  llvm::StringRef Text;
};

/// Whether a value source of kind \p From needs the key "name".
bool needsName(ValueFrom From) {
  switch (From) {
  case ValueFrom::ChainedTemplateArg:
  case ValueFrom::Param:
  case ValueFrom::Field:
  case ValueFrom::OptionAfter:
  case ValueFrom::UriQuery:
  case ValueFrom::ConnStringKey:
  case ValueFrom::ChainedArgType:
  case ValueFrom::ResultMethodArg:
  case ValueFrom::ChainedCall:
    return true;
  case ValueFrom::TemplateArg:
  case ValueFrom::Arg:
  case ValueFrom::ArgType:
  case ValueFrom::ArgPointee:
  case ValueFrom::LambdaReturn:
  case ValueFrom::LambdaReturnPointee:
  case ValueFrom::ClassTemplateArg:
  case ValueFrom::CalleeClass:
  case ValueFrom::ObjectModules:
    return false;
  }
  llvm_unreachable("unknown value source kind");
}

/// Validates one model file and reports the first error.
class Validator {
public:
  Validator(llvm::StringRef Text, llvm::StringRef File)
      : Lines(Text), File(File) {}

  llvm::Error error(const std::string &Path, const std::string &Msg) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}:{1}: {2}", File, Lines.lineOf(Path), Msg).str());
  }

  /// Checks that \p Obj is an object with only \p Allowed keys.
  llvm::Error checkKeys(const OJson &Obj, const std::string &Path,
                        llvm::ArrayRef<llvm::StringRef> Allowed) {
    if (!Obj.is_object())
      return error(
          Path, llvm::formatv("'{0}' must be an object", describe(Path)).str());
    for (const auto &Item : Obj.items())
      if (!llvm::is_contained(Allowed, llvm::StringRef(Item.key())))
        return error(
            Path + "/" + Item.key(),
            llvm::formatv("unknown key '{0}' in {1}; expected one of: {2}",
                          Item.key(), describe(Path), llvm::join(Allowed, ", "))
                .str());
    return llvm::Error::success();
  }

  llvm::Error getString(const OJson &Obj, const std::string &Path,
                        llvm::StringRef Key, std::string &Out,
                        bool Required = false) {
    std::string Sub = Path + "/" + Key.str();
    auto It = Obj.find(Key.str());
    if (It == Obj.end())
      return Required ? missing(Path, Key) : llvm::Error::success();
    if (!It->is_string())
      return wrongType(Sub, Key, "a string");
    Out = It->get<std::string>();
    if (Required && Out.empty())
      return error(Sub,
                   llvm::formatv("key '{0}' must not be empty", Key).str());
    return llvm::Error::success();
  }

  llvm::Error getBool(const OJson &Obj, const std::string &Path,
                      llvm::StringRef Key, bool &Out) {
    auto It = Obj.find(Key.str());
    if (It == Obj.end())
      return llvm::Error::success();
    if (!It->is_boolean())
      return wrongType(Path + "/" + Key.str(), Key, "a boolean");
    Out = It->get<bool>();
    return llvm::Error::success();
  }

  llvm::Error getInt(const OJson &Obj, const std::string &Path,
                     llvm::StringRef Key, std::optional<int64_t> &Out) {
    auto It = Obj.find(Key.str());
    if (It == Obj.end())
      return llvm::Error::success();
    if (!It->is_number_integer())
      return wrongType(Path + "/" + Key.str(), Key, "an integer");
    Out = It->get<int64_t>();
    return llvm::Error::success();
  }

  llvm::Error getIndex(const OJson &Obj, const std::string &Path,
                       llvm::StringRef Key, int &Out) {
    std::optional<int64_t> V;
    if (auto E = getInt(Obj, Path, Key, V))
      return E;
    if (!V)
      return llvm::Error::success();
    if (*V < 0 || *V > 64)
      return error(
          Path + "/" + Key.str(),
          llvm::formatv("key '{0}' must be between 0 and 64", Key).str());
    Out = static_cast<int>(*V);
    return llvm::Error::success();
  }

  llvm::Error getStrings(const OJson &Obj, const std::string &Path,
                         llvm::StringRef Key, std::vector<std::string> &Out) {
    std::string Sub = Path + "/" + Key.str();
    auto It = Obj.find(Key.str());
    if (It == Obj.end())
      return llvm::Error::success();
    if (!It->is_array())
      return wrongType(Sub, Key, "an array of strings");
    for (size_t I = 0; I < It->size(); ++I) {
      if (!(*It)[I].is_string())
        return error(
            Sub + "/" + std::to_string(I),
            llvm::formatv("key '{0}' must be an array of strings", Key).str());
      Out.push_back((*It)[I].get<std::string>());
    }
    return llvm::Error::success();
  }

  /// Reads \p Key, a name of the vocabulary \p E; a missing key keeps \p Out
  /// unless \p Required.
  template <typename E>
  llvm::Error getEnum(const OJson &Obj, const std::string &Path,
                      llvm::StringRef Key, E &Out, bool Required = true) {
    std::string Name(nameOf(Out));
    if (auto Err = getString(Obj, Path, Key, Name, Required))
      return Err;
    if (!Required && Obj.find(Key.str()) == Obj.end())
      return llvm::Error::success();
    return toEnum(Path + "/" + Key.str(), Key, Name, Out);
  }

  /// Converts \p Name (the value of \p Key at \p Sub) to \p Out.
  template <typename E>
  llvm::Error toEnum(const std::string &Sub, llvm::StringRef Key,
                     const std::string &Name, E &Out) {
    if (std::optional<E> Value = enumFromName<E>(Name)) {
      Out = *Value;
      return llvm::Error::success();
    }
    return error(Sub, llvm::formatv("key '{0}' must be one of: {1}; got '{2}'",
                                    Key, namesList<E>(), Name)
                          .str());
  }

  /// "a, b, c": the names of \p E.
  template <typename E> static std::string namesList() {
    std::string Out;
    for (const EnumName<E> &N : namesOf<E>())
      Out += (Out.empty() ? "" : ", ") + N.Name.str();
    return Out;
  }

  llvm::Error getKind(const OJson &Obj, const std::string &Path,
                      MatchKind &Out) {
    Out = MatchKind::Call;
    return getEnum(Obj, Path, "kind", Out, /*Required=*/false);
  }

  llvm::Error source(const OJson &Obj, const std::string &Path,
                     ValueSource &Out) {
    static const llvm::StringRef Keys[] = {
        "from", "index", "name", "pointee", "through", "throughIndex",
        "dropOptions", "role"};
    if (auto E = checkKeys(Obj, Path, Keys))
      return E;
    if (auto E = getEnum(Obj, Path, "from", Out.From))
      return E;
    if (auto E = getIndex(Obj, Path, "index", Out.Index))
      return E;
    if (auto E = getString(Obj, Path, "name", Out.Name, needsName(Out.From)))
      return E;
    if (auto E = getBool(Obj, Path, "pointee", Out.Pointee))
      return E;
    if (auto E = getString(Obj, Path, "through", Out.Through))
      return E;
    if (auto E = getString(Obj, Path, "dropOptions", Out.DropOptions))
      return E;
    std::string Role;
    if (auto E = getString(Obj, Path, "role", Role))
      return E;
    if (!Role.empty())
      if (auto E = toEnum(Path + "/role", "role", Role, Out.Role))
        return E;
    return getIndex(Obj, Path, "throughIndex", Out.ThroughIndex);
  }

  llvm::Error optSource(const OJson &Obj, const std::string &Path,
                        llvm::StringRef Key, std::optional<ValueSource> &Out) {
    auto It = Obj.find(Key.str());
    if (It == Obj.end())
      return llvm::Error::success();
    ValueSource S;
    if (auto E = source(*It, Path + "/" + Key.str(), S))
      return E;
    Out = std::move(S);
    return llvm::Error::success();
  }

  /// Iterates over the array \p Key of \p Obj.
  template <typename Fn>
  llvm::Error eachObject(const OJson &Obj, llvm::StringRef Key, Fn F) {
    std::string Sub = "/" + Key.str();
    auto It = Obj.find(Key.str());
    if (It == Obj.end())
      return llvm::Error::success();
    if (!It->is_array())
      return wrongType(Sub, Key, "an array of objects");
    for (size_t I = 0; I < It->size(); ++I)
      if (auto E = F((*It)[I], Sub + "/" + std::to_string(I)))
        return E;
    return llvm::Error::success();
  }

private:
  llvm::Error missing(const std::string &Path, llvm::StringRef Key) {
    return error(
        Path,
        llvm::formatv("missing key '{0}' in {1}", Key, describe(Path)).str());
  }
  llvm::Error wrongType(const std::string &Path, llvm::StringRef Key,
                        llvm::StringRef Type) {
    return error(Path, llvm::formatv("key '{0}' must be {1}", Key, Type).str());
  }
  /// "/pools/2/size" -> "pools[2].size".
  static std::string describe(const std::string &Path) {
    if (Path.empty())
      return "the model";
    std::string Out;
    llvm::SmallVector<llvm::StringRef, 8> Parts;
    llvm::StringRef(Path).drop_front().split(Parts, '/');
    for (llvm::StringRef P : Parts) {
      if (!P.empty() &&
          llvm::all_of(P, [](char C) { return llvm::isDigit(C); }))
        Out += ("[" + P + "]").str();
      else
        Out += (Out.empty() ? "" : ".") + P.str();
    }
    return Out;
  }

  KeyLines Lines;
  std::string File;
};

} // namespace

// One function per section of a model file; each reads one element of the
// section's array (at \p Path) into \p M.

/// A "settings" entry.
static llvm::Error parseSetting(Validator &V, const OJson &O,
                                const std::string &Path, Model &M) {
  static const llvm::StringRef Keys[] = {"callee", "name",    "value",
                                         "add",    "default", "defaultText"};
  SettingModel S;
  if (auto E = V.checkKeys(O, Path, Keys))
    return E;
  if (auto E = V.getString(O, Path, "callee", S.Callee))
    return E;
  if (auto E = V.getString(O, Path, "name", S.Name, /*Required=*/true))
    return E;
  std::optional<ValueSource> Value;
  if (auto E = V.optSource(O, Path, "value", Value))
    return E;
  if (!S.Callee.empty() && !Value)
    return V.error(Path, "missing key 'value' in setting with a callee");
  if (Value)
    S.Value = *Value;
  std::optional<int64_t> Add;
  if (auto E = V.getInt(O, Path, "add", Add))
    return E;
  S.Add = Add.value_or(0);
  if (auto E = V.getInt(O, Path, "default", S.Default))
    return E;
  if (auto E = V.getString(O, Path, "defaultText", S.DefaultText))
    return E;
  M.Settings.push_back(std::move(S));
  return llvm::Error::success();
}

/// A "configPools" entry.
static llvm::Error parseConfigPool(Validator &V, const OJson &O,
                                   const std::string &Path, Model &M) {
  static const llvm::StringRef Keys[] = {
      "format",   "services", "nameMember",  "loadCall",
      "fileNames", "library", "sizeKey",     "dsnKey",
      "aliasKey", "defaultSize", "sizePerHost", "multiplierSetting",
      "multiplierReason", "importCall"};
  ConfigPoolModel C;
  if (auto E = V.checkKeys(O, Path, Keys))
    return E;
  if (auto E = V.getEnum(O, Path, "format", C.Format))
    return E;
  if (auto E = V.getStrings(O, Path, "services", C.Services))
    return E;
  if (auto E = V.getString(O, Path, "nameMember", C.NameMember))
    return E;
  if (auto E = V.getString(O, Path, "loadCall", C.LoadCall))
    return E;
  if (auto E = V.getString(O, Path, "importCall", C.ImportCall))
    return E;
  if (auto E = V.getStrings(O, Path, "fileNames", C.FileNames))
    return E;
  C.Library = M.Name;
  if (auto E = V.getString(O, Path, "library", C.Library))
    return E;
  if (auto E = V.getString(O, Path, "sizeKey", C.SizeKey))
    return E;
  if (auto E = V.getString(O, Path, "dsnKey", C.DsnKey))
    return E;
  if (auto E = V.getString(O, Path, "aliasKey", C.AliasKey))
    return E;
  if (auto E = V.getInt(O, Path, "defaultSize", C.DefaultSize))
    return E;
  if (auto E = V.getBool(O, Path, "sizePerHost", C.SizePerHost))
    return E;
  if (auto E =
          V.getString(O, Path, "multiplierSetting", C.MultiplierSetting))
    return E;
  if (auto E = V.getString(O, Path, "multiplierReason", C.MultiplierReason))
    return E;
  switch (C.Format) {
  case ConfigFormat::UserverStaticConfig:
    if (C.Services.empty())
      return V.error(Path, "missing key 'services' in a "
                           "userver-static-config config pool");
    break;
  case ConfigFormat::DrogonConfig:
    if (C.LoadCall.empty())
      return V.error(Path,
                     "missing key 'loadCall' in a drogon-config config pool");
    break;
  }
  M.ConfigPools.push_back(std::move(C));
  return llvm::Error::success();
}

/// The "scopeLifetimes" of a registration: scope type -> lifetime.
static llvm::Error
parseScopeLifetimes(Validator &V, const OJson &O, const std::string &Path,
                    std::vector<std::pair<std::string, LifetimeKind>> &Out) {
  auto It = O.find("scopeLifetimes");
  if (It == O.end())
    return llvm::Error::success();
  std::string Sub = Path + "/scopeLifetimes";
  if (!It->is_object())
    return V.error(Sub, "key 'scopeLifetimes' must be an object");
  for (const auto &Item : It->items()) {
    std::optional<LifetimeKind> Lifetime;
    if (Item.value().is_string())
      Lifetime =
          enumFromName<LifetimeKind>(Item.value().get<std::string>());
    if (!Lifetime)
      return V.error(
          Sub + "/" + Item.key(),
          llvm::formatv("scopeLifetimes['{0}'] must be one of: {1}",
                        Item.key(), Validator::namesList<LifetimeKind>())
              .str());
    Out.emplace_back(Item.key(), *Lifetime);
  }
  return llvm::Error::success();
}

/// A "registrations" entry.
static llvm::Error parseRegistration(Validator &V, const OJson &O,
                                     const std::string &Path, Model &M) {
  static const llvm::StringRef Keys[] = {
      "kind",  "callee",         "service", "interface", "name",
      "module", "lifetime",      "scope",   "scopeLifetimes", "roots",
      "freshService", "unlessOn"};
  RegistrationModel R;
  if (auto E = V.checkKeys(O, Path, Keys))
    return E;
  if (auto E = V.getKind(O, Path, R.Kind))
    return E;
  if (auto E = V.getString(O, Path, "callee", R.Callee, /*Required=*/true))
    return E;
  std::optional<ValueSource> Service;
  if (auto E = V.optSource(O, Path, "service", Service))
    return E;
  if (!Service)
    return V.error(Path, "missing key 'service' in registration");
  R.Service = *Service;
  if (auto E = V.optSource(O, Path, "interface", R.Interface))
    return E;
  if (auto E = V.optSource(O, Path, "name", R.Name))
    return E;
  if (auto E = V.getEnum(O, Path, "module", R.Module))
    return E;
  if (auto E = V.getEnum(O, Path, "lifetime", R.Lifetime))
    return E;
  if (auto E = V.optSource(O, Path, "scope", R.Scope))
    return E;
  if (auto E = V.getStrings(O, Path, "roots", R.Roots))
    return E;
  if (auto E = V.getBool(O, Path, "freshService", R.FreshService))
    return E;
  if (auto E = V.getStrings(O, Path, "unlessOn", R.UnlessOn))
    return E;
  if (auto E = parseScopeLifetimes(V, O, Path, R.ScopeLifetimes))
    return E;
  if (R.Kind == MatchKind::Base && (R.Name || R.Scope || R.Interface))
    return V.error(Path + "/kind", "a registration of kind 'base' takes no "
                                   "'name', 'interface' or 'scope'");
  M.Registrations.push_back(std::move(R));
  return llvm::Error::success();
}

/// An "imports" entry.
static llvm::Error parseImport(Validator &V, const OJson &O,
                               const std::string &Path, Model &M) {
  static const llvm::StringRef Keys[] = {"kind", "callee", "imported",
                                         "module", "newInstances", "params",
                                         "injector", "localContainer",
                                         "repeatingOnly"};
  ImportModel I;
  if (auto E = V.checkKeys(O, Path, Keys))
    return E;
  if (auto E = V.getKind(O, Path, I.Kind))
    return E;
  if (I.Kind == MatchKind::Member || I.Kind == MatchKind::Base)
    return V.error(Path + "/kind",
                   "key 'kind' of an import must be 'call' or 'construct'");
  if (auto E = V.getString(O, Path, "callee", I.Callee, /*Required=*/true))
    return E;
  std::optional<ValueSource> Imported;
  if (auto E = V.optSource(O, Path, "imported", Imported))
    return E;
  if (!Imported)
    return V.error(Path, "missing key 'imported' in import");
  I.Imported = *Imported;
  if (auto E = V.getEnum(O, Path, "module", I.Module))
    return E;
  if (auto E = V.getBool(O, Path, "newInstances", I.NewInstances))
    return E;
  if (auto E = V.getBool(O, Path, "injector", I.Injector))
    return E;
  if (auto E = V.getBool(O, Path, "localContainer", I.LocalContainer))
    return E;
  if (auto E = V.getBool(O, Path, "repeatingOnly", I.RepeatingOnly))
    return E;
  if (auto E = V.getStrings(O, Path, "params", I.Params))
    return E;
  M.Imports.push_back(std::move(I));
  return llvm::Error::success();
}

/// A "repeating" entry.
static llvm::Error parseRepeating(Validator &V, const OJson &O,
                                  const std::string &Path, Model &M) {
  static const llvm::StringRef Keys[] = {"kind",    "callee",
                                         "methods", "rearmed",
                                         "repeatsWhereCalled", "reason"};
  RepeatingModel R;
  if (auto E = V.checkKeys(O, Path, Keys))
    return E;
  if (auto E = V.getKind(O, Path, R.Kind))
    return E;
  if (R.Kind == MatchKind::Member)
    return V.error(Path + "/kind", "key 'kind' of a repeating entry must be "
                                   "'call', 'construct' or 'base'");
  if (auto E = V.getString(O, Path, "callee", R.Callee, /*Required=*/true))
    return E;
  if (auto E = V.getStrings(O, Path, "methods", R.Methods))
    return E;
  if (!R.Methods.empty() && R.Kind != MatchKind::Base)
    return V.error(Path + "/methods",
                   "key 'methods' needs a repeating entry of kind 'base'");
  if (auto E = V.getBool(O, Path, "rearmed", R.Rearmed))
    return E;
  if (R.Rearmed && R.Kind != MatchKind::Call)
    return V.error(Path + "/rearmed",
                   "key 'rearmed' needs a repeating entry of kind 'call'");
  if (auto E = V.getBool(O, Path, "repeatsWhereCalled", R.RepeatsWhereCalled))
    return E;
  if (R.RepeatsWhereCalled && R.Kind == MatchKind::Base)
    return V.error(Path + "/repeatsWhereCalled",
                   "key 'repeatsWhereCalled' needs a repeating entry of kind "
                   "'call' or 'construct'");
  if (auto E = V.getString(O, Path, "reason", R.Reason, /*Required=*/true))
    return E;
  M.Repeating.push_back(std::move(R));
  return llvm::Error::success();
}

/// A "once" entry.
static llvm::Error parseOnce(Validator &V, const OJson &O,
                             const std::string &Path, Model &M) {
  static const llvm::StringRef Keys[] = {"kind", "callee"};
  OnceModel R;
  if (auto E = V.checkKeys(O, Path, Keys))
    return E;
  if (auto E = V.getKind(O, Path, R.Kind))
    return E;
  if (R.Kind != MatchKind::Call && R.Kind != MatchKind::Construct)
    return V.error(Path + "/kind",
                   "key 'kind' of a once entry must be 'call' or 'construct'");
  if (auto E = V.getString(O, Path, "callee", R.Callee, /*Required=*/true))
    return E;
  M.Once.push_back(std::move(R));
  return llvm::Error::success();
}

/// The "dsn" of a pool: one value source or an array of them (the parts).
static llvm::Error parseDsn(Validator &V, const OJson &O,
                            const std::string &Path,
                            std::vector<ValueSource> &Out) {
  auto Dsn = O.find("dsn");
  if (Dsn == O.end())
    return llvm::Error::success();
  std::string DsnPath = Path + "/dsn";
  if (Dsn->is_array()) {
    for (size_t I = 0; I < Dsn->size(); ++I) {
      ValueSource S;
      if (auto E =
              V.source((*Dsn)[I], DsnPath + "/" + std::to_string(I), S))
        return E;
      Out.push_back(std::move(S));
    }
  } else {
    ValueSource S;
    if (auto E = V.source(*Dsn, DsnPath, S))
      return E;
    Out.push_back(std::move(S));
  }
  return llvm::Error::success();
}

/// A "pools" entry.
static llvm::Error parsePool(Validator &V, const OJson &O,
                             const std::string &Path, Model &M) {
  static const llvm::StringRef Keys[] = {"kind",
                                         "callee",
                                         "params",
                                         "library",
                                         "size",
                                         "dsn",
                                         "defaultSize",
                                         "unbounded",
                                         "sizeIsInitialCache",
                                         "cacheKey",
                                         "multiplierFlag",
                                         "multiplierReason",
                                         "multiplierSetting",
                                         "defaultPort",
                                         "connectionName",
                                         "connection",
                                         "lazy"};
  PoolModel P;
  if (auto E = V.checkKeys(O, Path, Keys))
    return E;
  if (auto E = V.getKind(O, Path, P.Kind))
    return E;
  if (P.Kind == MatchKind::Member || P.Kind == MatchKind::Base)
    return V.error(Path + "/kind",
                   "key 'kind' of a pool must be 'call' or 'construct'");
  if (auto E = V.getString(O, Path, "callee", P.Callee, /*Required=*/true))
    return E;
  if (auto E = V.getStrings(O, Path, "params", P.Params))
    return E;
  P.Library = M.Name;
  if (auto E = V.getString(O, Path, "library", P.Library))
    return E;
  if (auto E = V.optSource(O, Path, "size", P.Size))
    return E;
  if (auto E = parseDsn(V, O, Path, P.Dsn))
    return E;
  if (auto E = V.getInt(O, Path, "defaultSize", P.DefaultSize))
    return E;
  if (auto E = V.getString(O, Path, "defaultPort", P.DefaultPort))
    return E;
  if (auto E = V.optSource(O, Path, "connectionName", P.ConnectionName))
    return E;
  if (auto E = V.getBool(O, Path, "unbounded", P.Unbounded))
    return E;
  if (auto E = V.getBool(O, Path, "sizeIsInitialCache", P.SizeIsInitialCache))
    return E;
  if (auto E = V.getBool(O, Path, "connection", P.Connection))
    return E;
  if (auto E = V.getBool(O, Path, "lazy", P.Lazy))
    return E;
  if (auto E = V.optSource(O, Path, "cacheKey", P.CacheKey))
    return E;
  if (auto E = V.optSource(O, Path, "multiplierFlag", P.MultiplierFlag))
    return E;
  if (auto E = V.getString(O, Path, "multiplierReason", P.MultiplierReason))
    return E;
  if (auto E =
          V.getString(O, Path, "multiplierSetting", P.MultiplierSetting))
    return E;
  M.Pools.push_back(std::move(P));
  return llvm::Error::success();
}

llvm::Expected<Model> parseModel(llvm::StringRef Text, llvm::StringRef File) {
  auto Parsed = parseOrderedJSON(Text, File);
  if (!Parsed)
    return Parsed.takeError();
  const OJson &J = *Parsed;
  Validator V(Text, File);
  Model M;
  M.File = File.str();
  static const llvm::StringRef TopKeys[] = {
      "name",  "description", "registrations", "imports",
      "pools", "poolTypes",   "envGetters",    "poolAnnotations",
      "settings", "configPools", "repeating", "once", "testFiles",
      "frameworkNamespaces"};
  if (auto E = V.checkKeys(J, "", TopKeys))
    return std::move(E);
  if (auto E = V.getString(J, "", "name", M.Name, /*Required=*/true))
    return std::move(E);
  if (auto E = V.getString(J, "", "description", M.Description))
    return std::move(E);
  if (auto E = V.getStrings(J, "", "poolTypes", M.PoolTypes))
    return std::move(E);
  if (auto E = V.getStrings(J, "", "envGetters", M.EnvGetters))
    return std::move(E);
  if (auto E = V.getStrings(J, "", "poolAnnotations", M.PoolAnnotations))
    return std::move(E);
  if (auto E = V.getStrings(J, "", "testFiles", M.TestFiles))
    return std::move(E);
  for (const std::string &Pattern : M.TestFiles)
    if (auto P = llvm::GlobPattern::create(Pattern); !P) {
      llvm::consumeError(P.takeError());
      return V.error("/testFiles", "invalid glob pattern '" + Pattern + "'");
    }
  if (auto E = V.getStrings(J, "", "frameworkNamespaces",
                            M.FrameworkNamespaces))
    return std::move(E);

  // The sections, in the order their errors are reported.
  using SectionParser = llvm::Error (*)(Validator &, const OJson &,
                                        const std::string &, Model &);
  static const std::pair<llvm::StringLiteral, SectionParser> Sections[] = {
      {"registrations", parseRegistration}, {"imports", parseImport},
      {"repeating", parseRepeating},         {"once", parseOnce},
      {"pools", parsePool},
      {"settings", parseSetting},            {"configPools", parseConfigPool}};
  for (const auto &[Key, Parse] : Sections)
    if (auto E = V.eachObject(J, Key, [&](const OJson &O,
                                          const std::string &Path) {
          return Parse(V, O, Path, M);
        }))
      return std::move(E);
  return M;
}

static const std::pair<const char *, const char *> BuiltinModels[] = {
#include "BuiltinModels.inc"
};

llvm::ArrayRef<std::pair<const char *, const char *>> builtinModelTexts() {
  return BuiltinModels;
}

static llvm::Expected<std::shared_ptr<const ModelSet>>
loadUncached(llvm::ArrayRef<std::string> ExtraFiles) {
  auto Set = std::make_shared<ModelSet>();
  for (const auto &[Name, Text] : builtinModelTexts()) {
    auto M = parseModel(Text, (llvm::Twine("<builtin>/") + Name).str());
    if (!M)
      return M.takeError();
    Set->Models.push_back(std::move(*M));
  }
  for (const std::string &File : ExtraFiles) {
    auto Buffer = readInputFile(File, MaxConfigFileBytes);
    if (!Buffer)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(), "cannot read model file '%s': %s",
          File.c_str(), toString(Buffer.takeError()).c_str());
    auto M = parseModel((*Buffer)->getBuffer(), File);
    if (!M)
      return M.takeError();
    Set->Models.push_back(std::move(*M));
  }
  return std::shared_ptr<const ModelSet>(std::move(Set));
}

llvm::Expected<std::shared_ptr<const ModelSet>>
loadModels(llvm::ArrayRef<std::string> ExtraFiles) {
  static std::mutex Mutex;
  static std::map<std::vector<std::string>, std::shared_ptr<const ModelSet>>
      Cache;
  std::vector<std::string> Key(ExtraFiles.begin(), ExtraFiles.end());
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second;
  auto Loaded = loadUncached(ExtraFiles);
  if (!Loaded)
    return Loaded.takeError();
  Cache.emplace(std::move(Key), *Loaded);
  return *Loaded;
}

} // namespace clang::tidy::poolguard
