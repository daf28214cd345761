//===----------------------------------------------------------------------===//
//
// The one field list of each fact type: its JSON name, its member and how it
// is written. The facts JSON reader and writer, the merge key and
// forEachPath are all driven by these lists (Facts.cpp), in the style of
// llvm::yaml::MappingTraits::mapping, so a field is added in one place.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_FACTSSCHEMA_H
#define POOLGUARD_FACTS_FACTSSCHEMA_H

#include "facts/Facts.h"
#include <tuple>
#include <type_traits>
#include <utility>

namespace clang::tidy::poolguard::schema {

/// How a field is written and visited.
enum FieldFlags : unsigned {
  Always = 0,
  /// Written only when not empty: the fields added after format version 1
  /// shipped, so facts without them are unchanged.
  OmitEmpty = 1,
  /// A file path (or a list of them), rewritten by forEachPath.
  Path = 2,
};

template <typename Struct, typename Member> struct Field {
  const char *Name;
  Member Struct::*Ptr;
  unsigned Flags;
};

template <typename Struct, typename Member>
constexpr Field<Struct, Member> field(const char *Name, Member Struct::*Ptr,
                                      unsigned Flags = Always) {
  return {Name, Ptr, Flags};
}

/// Specialized for every fact type with
///   Fields: a tuple of field(...), in the order the reader reads them (the
///           first field of the wrong type is the one reported);
///   SortBy: a tuple of members the merge orders facts by before the other
///           fields (which follow in the order of Fields); facts equal in
///           every field are one fact.
template <typename T> struct Schema;

template <> struct Schema<SourcePos> {
  static constexpr auto Fields = std::make_tuple(
      field("file", &SourcePos::File, Path), field("line", &SourcePos::Line),
      field("column", &SourcePos::Column),
      field("offset", &SourcePos::Offset));
  static constexpr auto SortBy = std::make_tuple();
};

template <> struct Schema<ModuleFact> {
  static constexpr auto Fields =
      std::make_tuple(field("key", &ModuleFact::Key),
                      field("name", &ModuleFact::Name),
                      field("framework", &ModuleFact::Framework),
                      field("loc", &ModuleFact::Loc));
  static constexpr auto SortBy = std::make_tuple();
};

template <> struct Schema<RegistrationFact> {
  using R = RegistrationFact;
  static constexpr auto Fields = std::make_tuple(
      field("service", &R::Service), field("interface", &R::Interface),
      field("module", &R::Module), field("framework", &R::Framework),
      field("lifetime", &R::Lifetime),
      field("instanceName", &R::InstanceName),
      field("container", &R::Container),
      field("poolCreatedByProvider", &R::PoolCreatedByProvider),
      field("database", &R::Database), field("program", &R::Program),
      field("repeats", &R::Repeats, OmitEmpty), field("loc", &R::Loc));
  static constexpr auto SortBy = std::make_tuple(&R::Service, &R::Loc);
};

template <> struct Schema<ImportFact> {
  using I = ImportFact;
  static constexpr auto Fields = std::make_tuple(
      field("module", &I::Module), field("imported", &I::Imported),
      field("injector", &I::Injector),
      field("repeats", &I::Repeats, OmitEmpty), field("loc", &I::Loc));
  static constexpr auto SortBy =
      std::make_tuple(&I::Module, &I::Imported, &I::Loc);
};

template <> struct Schema<PoolOwnerFact> {
  using O = PoolOwnerFact;
  static constexpr auto Fields =
      std::make_tuple(field("type", &O::Type), field("reason", &O::Reason),
                      field("loc", &O::Loc));
  static constexpr auto SortBy = std::make_tuple();
};

template <> struct Schema<HoldingFact> {
  using H = HoldingFact;
  static constexpr auto Fields =
      std::make_tuple(field("owner", &H::Owner), field("held", &H::Held),
                      field("member", &H::Member), field("loc", &H::Loc));
  static constexpr auto SortBy = std::make_tuple(&H::Held);
};

template <> struct Schema<PoolCreationFact> {
  using C = PoolCreationFact;
  static constexpr auto Fields = std::make_tuple(
      field("library", &C::Library), field("callee", &C::Callee),
      field("size", &C::Size), field("sizeText", &C::SizeText),
      field("sizeIsDefault", &C::SizeIsDefault),
      field("unbounded", &C::Unbounded), field("perThread", &C::PerThread),
      field("sizeIsInitialCache", &C::SizeIsInitialCache),
      field("database", &C::Database),
      field("databaseText", &C::DatabaseText),
      field("ownerType", &C::OwnerType), field("module", &C::Module),
      field("function", &C::Function), field("multiplier", &C::Multiplier),
      field("multiplierReason", &C::MultiplierReason),
      field("multiplierSetting", &C::MultiplierSetting, OmitEmpty),
      field("instance", &C::Instance, OmitEmpty),
      field("repeats", &C::Repeats, OmitEmpty),
      field("program", &C::Program, OmitEmpty), field("loc", &C::Loc));
  static constexpr auto SortBy = std::make_tuple(&C::Loc);
};

template <> struct Schema<SettingFact> {
  using S = SettingFact;
  static constexpr auto Fields = std::make_tuple(
      field("name", &S::Name), field("value", &S::Value),
      field("text", &S::Text), field("isDefault", &S::IsDefault),
      field("loc", &S::Loc));
  static constexpr auto SortBy = std::make_tuple(&S::Name, &S::Loc);
};

/// The document: "version" (FactsFormatVersion) and these fields.
template <> struct Schema<Facts> {
  using F = Facts;
  static constexpr auto Fields = std::make_tuple(
      field("translationUnits", &F::TranslationUnits, Path),
      field("modules", &F::Modules), field("registrations", &F::Registrations),
      field("imports", &F::Imports), field("poolOwners", &F::PoolOwners),
      field("holdings", &F::Holdings, OmitEmpty),
      field("poolCreations", &F::PoolCreations),
      field("settings", &F::Settings, OmitEmpty),
      field("configFiles", &F::ConfigFiles, OmitEmpty | Path));
  static constexpr auto SortBy = std::make_tuple();
};

/// Calls \p Fn(field) for every field of \p T's schema, in order.
template <typename T, typename Fn> void forEachField(Fn &&F) {
  std::apply([&](const auto &...Each) { (F(Each), ...); }, Schema<T>::Fields);
}

/// The number of members of the aggregate \p T (counted by the longest
/// brace initializer it accepts), for the static check that every member is
/// in its schema.
namespace detail {
struct AnyValue {
  template <typename T> operator T() const;
};
template <typename T, typename Void, typename... Args>
struct BraceInitializable : std::false_type {};
template <typename T, typename... Args>
struct BraceInitializable<T, std::void_t<decltype(T{std::declval<Args>()...})>,
                          Args...> : std::true_type {};
template <typename T, typename... Args> constexpr size_t memberCount() {
  if constexpr (BraceInitializable<T, void, Args..., AnyValue>::value)
    return memberCount<T, Args..., AnyValue>();
  else
    return sizeof...(Args);
}
} // namespace detail

template <typename T> constexpr bool listsEveryMember() {
  return detail::memberCount<T>() ==
         std::tuple_size_v<std::decay_t<decltype(Schema<T>::Fields)>>;
}

} // namespace clang::tidy::poolguard::schema

#endif // POOLGUARD_FACTS_FACTSSCHEMA_H
