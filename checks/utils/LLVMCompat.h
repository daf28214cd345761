//===----------------------------------------------------------------------===//
//
// The differences between the LLVM versions poolguard supports (19 and 22),
// in one place. Code includes this header instead of the moved or renamed
// LLVM/clang header and uses the names below instead of #if blocks.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_LLVMCOMPAT_H
#define POOLGUARD_UTILS_LLVMCOMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/NestedNameSpecifier.h"
#include "llvm/Config/llvm-config.h"
#include <string>
#if LLVM_VERSION_MAJOR >= 22
#include "clang/Options/OptionUtils.h"
#else
#include "clang/Frontend/CompilerInvocation.h"
#endif

// clang-tidy: ClangTidyModuleRegistry moved into ClangTidyModule.h in LLVM
// 22 (the old header warns and is removed in 24).
#include "clang-tidy/ClangTidyModule.h"
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

namespace clang::tidy::poolguard {

/// The type named by the qualifier of \p Node (`T` in `T::f`), or null if it
/// has none or it names a namespace. LLVM 22 made NestedNameSpecifier a value
/// whose getAsType() asserts the kind; 19 returns a pointer or null.
template <typename NodeT> const Type *qualifierType(const NodeT *Node) {
#if LLVM_VERSION_MAJOR >= 22
  NestedNameSpecifier Qualifier = Node->getQualifier();
  if (!Qualifier || Qualifier.getKind() != NestedNameSpecifier::Kind::Type)
    return nullptr;
  return Qualifier.getAsType();
#else
  const NestedNameSpecifier *Qualifier = Node->getQualifier();
  return Qualifier ? Qualifier->getAsType() : nullptr;
#endif
}

/// The canonical type of the class \p Record.
/// ASTContext::getRecordType was replaced by getCanonicalTagType in LLVM 22.
inline QualType recordType(const ASTContext &Ctx, const RecordDecl *Record) {
#if LLVM_VERSION_MAJOR >= 22
  return Ctx.getCanonicalTagType(Record);
#else
  return Ctx.getRecordType(Record);
#endif
}

/// The names of the checks \p Options enables (clang-tidy --list-checks).
/// LLVM 22 added the ExperimentalCustomChecks parameter.
inline std::vector<std::string>
enabledCheckNames(const ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 22
  return getCheckNames(Options, /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                       /*ExperimentalCustomChecks=*/false);
#else
  return getCheckNames(Options, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
#endif
}

/// The options of the checks \p Options enables (clang-tidy --dump-config).
inline ClangTidyOptions::OptionMap
enabledCheckOptions(const ClangTidyOptions &Options) {
#if LLVM_VERSION_MAJOR >= 22
  return getCheckOptions(Options, /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                         /*ExperimentalCustomChecks=*/false);
#else
  return getCheckOptions(Options, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
#endif
}

/// The clang resource directory (builtin headers) relative to the program
/// \p Argv0 whose main is near \p MainAddr. A static member of
/// CompilerInvocation in 19, a free function of clangOptions in 22.
inline std::string resourcesPath(const char *Argv0, void *MainAddr) {
#if LLVM_VERSION_MAJOR >= 22
  return clang::GetResourcesPath(Argv0, MainAddr);
#else
  return CompilerInvocation::GetResourcesPath(Argv0, MainAddr);
#endif
}

/// A DiagnosticsEngine that reports to \p Consumer and is attached to
/// \p Context (which must outlive it), as clang-tidy's own runClangTidy sets
/// one up. LLVM 22 made DiagnosticOptions a plain value owned by the
/// ClangTidyContext instead of a reference-counted object.
class TidyDiagnosticsEngine {
public:
  TidyDiagnosticsEngine(ClangTidyContext &Context,
                        DiagnosticConsumer &Consumer)
#if LLVM_VERSION_MAJOR >= 22
      : Options(std::make_unique<DiagnosticOptions>()),
        Engine(DiagnosticIDs::create(), *Options, &Consumer,
               /*ShouldOwnClient=*/false) {
    Context.setDiagnosticsEngine(std::move(Options), &Engine);
  }
#else
      : Options(llvm::makeIntrusiveRefCnt<DiagnosticOptions>()),
        Engine(new DiagnosticIDs(), Options.get(), &Consumer,
               /*ShouldOwnClient=*/false) {
    Context.setDiagnosticsEngine(&Engine);
  }
#endif
  DiagnosticsEngine &engine() { return Engine; }

private:
#if LLVM_VERSION_MAJOR >= 22
  std::unique_ptr<DiagnosticOptions> Options; // Moved to the context.
#else
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Options;
#endif
  DiagnosticsEngine Engine;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_LLVMCOMPAT_H
