//===----------------------------------------------------------------------===//
//
// Expression helpers of the facts collector: model-independent questions
// about call sites (arguments, constants, database identities, names).
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_COLLECTOREXPRS_H
#define POOLGUARD_FACTS_COLLECTOREXPRS_H

#include "facts/Facts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tidy::poolguard::collector {

/// A call or construction, seen uniformly: the called function (or
/// constructor), its arguments (without the implicit object) and the
/// template arguments of the callee.
struct CallSite {
  const Expr *E = nullptr;
  const FunctionDecl *Callee = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  const TemplateArgumentList *TemplateArgs = nullptr;
};

/// Views \p E as a call site if it is a call or a construction.
std::optional<CallSite> asCallSite(const Expr *E);

/// The qualified name of \p D without template arguments or inline
/// namespaces, e.g. "oatpp::provider::Pool::createShared".
std::string plainQualifiedName(const NamedDecl *D);

/// The qualified name of the type the call's qualifier was written with
/// (a typedef: `oatpp::postgresql::ConnectionPool::createShared`, or a class
/// inheriting the function), followed by "::" and the callee's name; empty
/// when the qualifier names no type.
std::string writtenQualifiedCallee(const Expr *Call);

/// Strips parentheses, implicit casts, temporaries and cleanups.
const Expr *ignoreWrappers(const Expr *E);

/// Also strips conversions that keep the value: single-argument
/// constructions and functional casts (`std::string("x")`).
const Expr *ignoreConversions(const Expr *E);

/// The record a type names, looking through references and qualifiers.
const CXXRecordDecl *recordOf(QualType T);

/// shared_ptr<T>, unique_ptr<T>, weak_ptr<T>, optional<T> or T* -> T; any
/// other type is returned unchanged.
QualType pointeeOf(QualType T);

/// A type's key for matching model names: the qualified name of its record
/// without template arguments, else its printed form.
std::string typeKey(QualType T, const ASTContext &Ctx);

/// A class's key in facts (services, owners): its qualified name, with the
/// template arguments of a specialization (`Repository<User>`).
std::string recordKey(const CXXRecordDecl *RD, const ASTContext &Ctx);

/// recordKey() of the type's record, else its printed form.
std::string serviceKey(QualType T, const ASTContext &Ctx);

/// The type as written, fully qualified, for messages.
std::string printType(QualType T, const ASTContext &Ctx);

/// Where facts say \p Loc is: its expansion location, in the file's real
/// path (else its absolute path); an invalid position for an invalid
/// location or one in no file.
SourcePos sourcePos(SourceLocation Loc, const SourceManager &SM);

/// Source text of \p E, at its expansion range.
std::string sourceText(const Expr *E, const ASTContext &Ctx);

/// Evaluates \p E as an integer, following local variable initializers.
/// \p IsDefault is set when the value is a default argument or a default
/// member initializer.
std::optional<int64_t> evaluateInt(const Expr *E, const ASTContext &Ctx,
                                   bool *IsDefault = nullptr);

/// How many times the loops around \p Node, up to its function, run: the
/// product of their constant trip counts (`for (int I = 0; I < 4; ++I)`, also
/// with `<=`, `!=`, `I++`, `I += 1`); 1 outside loops; nullopt when a loop
/// has no constant count (a while loop, a bound read at run time).
std::optional<int64_t> loopIterations(DynTypedNode Node, ASTContext &Ctx);

/// Follows a reference to a local variable to its initializer, repeatedly.
const Expr *followLocal(const Expr *E);

/// A database identity: Key is stable across TUs ("lit:...", "env:...",
/// "expr:...", "call:..."); Text is shown to users.
struct Identity {
  std::string Key;
  std::string Text;
};

/// Computes the identity of \p E; \p EnvGetters name functions reading an
/// environment variable.
Identity identityOf(const Expr *E, const ASTContext &Ctx,
                    llvm::ArrayRef<std::string> EnvGetters);

/// The initializer of field \p Field of the aggregate \p E, found in a braced
/// initializer, or in the last assignment `var.Field = ...` before \p Before
/// in \p Body when \p E names a local variable, or the field's default member
/// initializer (then \p IsDefault is set). Null when there is none, or when
/// the value is set elsewhere: the aggregate is a call's result, or the local
/// variable is passed by non-const reference or pointer to a call after its
/// last assignment to the field.
const Expr *fieldValue(const Expr *E, llvm::StringRef Field, const Stmt *Body,
                       SourceLocation Before, const ASTContext &Ctx,
                       bool *IsDefault);

/// Whether \p E makes a new object (`std::make_shared<C>()`,
/// `std::make_unique<C>()`, `new C`, `std::shared_ptr<C>(new C)`), directly or
/// through a local variable initialized so.
bool isFreshObject(const Expr *E);

/// `LHS = RHS`, built in or a class's operator=.
struct Assignment {
  const Expr *LHS, *RHS;
  SourceLocation Loc;
};
std::optional<Assignment> assignmentOf(const Stmt *S);

/// The local variable, or the data member of `this`, that \p E names; null
/// for anything else.
const ValueDecl *storedIn(const Expr *E);

/// The local variable, or data member of `this`, that the value of \p E is
/// stored in: the variable it initializes (`PGconn *C = PQconnectdb(...)`,
/// or the object itself: `Pool P(url)`), or the one it is assigned to
/// (`Conn = PQconnectdb(...)`), up through temporaries, copies, conversions
/// and `new`. Null for anything else.
const ValueDecl *holderOf(const Expr *E, ASTContext &Ctx);

/// The argument \p Index of the last call of method \p Method, in \p Body,
/// on the variable or data member the value of \p Call is stored in
/// (`QSqlDatabase Db = QSqlDatabase::addDatabase(...); Db.setDatabaseName(X)`
/// gives X). Null when the value is not stored or the method is not called.
const Expr *resultMethodArg(const Expr *Call, llvm::StringRef Method,
                            int Index, const Stmt *Body, ASTContext &Ctx);

/// Whether the value of \p E is computed when the program runs rather than
/// a constant: it depends on a parameter, a data member, a non-constant
/// variable or a call without arguments (`currentThreadId()`), as in
/// `QString("w_%1").arg(currentThreadId())`. Literals, constants, variables
/// initialized with constants and calls of constants (`QString("main")`,
/// `QString::fromLatin1("main")`, Qt 5's `QStringLiteral("main")` lambda)
/// are not.
bool isBuiltAtRunTime(const Expr *E);

/// The string literal a constant name is built from (`QStringLiteral("main")`
/// and `QString::fromLatin1("main")` give "main"), through constant
/// variables; none when it has no single literal.
std::optional<std::string> constantString(const Expr *E);

/// The value of query parameter \p Name in the URI string literal \p E.
std::optional<std::string> uriQueryParam(const Expr *E, llvm::StringRef Name);

} // namespace clang::tidy::poolguard::collector

#endif // POOLGUARD_FACTS_COLLECTOREXPRS_H
