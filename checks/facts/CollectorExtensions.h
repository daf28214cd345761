//===----------------------------------------------------------------------===//
//
// Value sources and registration forms of the facts collector that the
// dependency-injection frameworks need beyond plain calls: class template
// arguments of the callee (`dependency<Scope, I>::to<C>()`), argument types
// of chained calls (`.in(di::singleton)`), lifetimes chosen by a scope,
// registrations by derivation (`struct D : kgr::single_service<T> {}`),
// composition roots, and keyed options of connection strings
// (`...;@pool_size=10`). Model-driven: no framework names here.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_COLLECTOREXTENSIONS_H
#define POOLGUARD_FACTS_COLLECTOREXTENSIONS_H

#include "facts/CollectorExprs.h"
#include "facts/Facts.h"
#include "models/Model.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>

namespace clang::tidy::poolguard::collector {

/// Why the code around \p Node runs again and again, for a pool created
/// there: a loop body (outside constructors, where a loop fills a pool), a
/// lambda passed to a call the models list as repeating (a request handler,
/// a thread), a member function of a class deriving from a repeating base (a
/// controller). Empty when it runs once as far as the models say.
std::string repeatReason(DynTypedNode Node, ASTContext &Ctx,
                         const ModelSet &Models);

/// Whether \p V is a type source handled here ("classTemplateArg",
/// "chainedArgType", "calleeClass").
bool isExtensionTypeSource(const ValueSource &V);

/// Whether \p V names a type rather than an expression.
bool isTypeSource(const ValueSource &V);

/// The type an extension type source names at \p S.
QualType extensionSourceType(const ValueSource &V, const CallSite &S,
                             ASTContext &Ctx);

/// The lifetime of a registration at \p S: the one its scope's type maps to
/// in \c ScopeLifetimes, else the model's \c Lifetime.
LifetimeKind registrationLifetime(const RegistrationModel &R,
                                 const CallSite &S, ASTContext &Ctx);

/// Whether a registration inside \p Function counts: always, unless the
/// model restricts it to composition roots (\c Roots).
bool inRoot(const RegistrationModel &R, const FunctionDecl *Function);

/// Calls \p Found for every "base" registration model whose class template
/// \p RD derives from, with a call site whose template arguments are the
/// base's.
void forEachBaseRegistration(
    const CXXRecordDecl *RD, const ModelSet &Models,
    llvm::function_ref<void(const Model &, const RegistrationModel &,
                            const CallSite &)>
        Found);

/// The value of a keyed option of the string literal \p E: the query
/// parameter of a URI ("uriQuery") or the `key=value` entry of a
/// `;`-separated connection string ("connStringKey").
std::optional<std::string> keyedOption(const Expr *E, const ValueSource &V);

/// \p Id without the connection-string options whose key starts with
/// \c V.DropOptions (cppdb's `@pool_size`), so that strings differing only
/// in pool options name the same database.
Identity dropOptions(Identity Id, const ValueSource &V);

/// An import whose every call creates new instances (ImportModel::NewInstances).
struct NewInstanceSite {
  ImportFact Import;
  std::string Framework;
};

/// Registers again, at each site, every registration of a pool-owning
/// service that the imported module reaches through the imports of \p F
/// (the TU's facts), as an instance of its own.
void expandNewInstances(Facts &F, llvm::ArrayRef<NewInstanceSite> Sites);

} // namespace clang::tidy::poolguard::collector

#endif // POOLGUARD_FACTS_COLLECTOREXTENSIONS_H
