//===----------------------------------------------------------------------===//
//
// The map step's front-end action; see MapAction.h.
//
//===----------------------------------------------------------------------===//

#include "MapAction.h"
#include "Report.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::tidy;
using namespace clang::tidy::poolguard;

namespace poolguard {

namespace {

/// Records, for each #include, the places clang looked before the directory
/// it found the header in: the includer's directory for "...", then the
/// -iquote and -I directories in order. A file appearing at one of them
/// changes what the TU includes, so each is a dependency that must stay
/// absent. System include directories are left out (a new file there is an
/// install, not an edit), and so are #include_next, header maps and
/// frameworks.
class ShadowRecorder : public PPCallbacks {
public:
  ShadowRecorder(const Preprocessor &PP, ReadFiles &Deps)
      : PP(PP), Deps(Deps) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &IncludeTok,
                          StringRef FileName, bool IsAngled,
                          CharSourceRange, OptionalFileEntryRef File,
                          StringRef SearchPath, StringRef, const Module *,
                          bool, SrcMgr::CharacteristicKind) override {
    if (!File || SearchPath.empty() ||
        llvm::sys::path::is_absolute(FileName) ||
        IncludeTok.getIdentifierInfo()->getPPKeywordID() ==
            tok::pp_include_next)
      return;
    const SourceManager &SM = PP.getSourceManager();
    const std::string Found = absolute(SearchPath);
    if (!IsAngled)
      if (OptionalFileEntryRef Includer =
              SM.getFileEntryRefForID(SM.getFileID(HashLoc)))
        if (!candidate(Includer->getDir().getName(), FileName, Found))
          return;
    const HeaderSearch &HS = PP.getHeaderSearchInfo();
    for (auto It = IsAngled ? HS.angled_dir_begin() : HS.quoted_dir_begin();
         It != HS.system_dir_begin(); ++It) {
      if (!It->isNormalDir())
        return;
      if (!candidate(It->getDirRef()->getName(), FileName, Found))
        return;
    }
  }

private:
  /// \p Path made absolute, once per directory: a relative one costs two
  /// stat() calls (the working directory), and every #include asks for
  /// each directory of the search path.
  const std::string &absolute(StringRef Path) {
    auto [It, New] = Absolute.try_emplace(Path);
    if (New) {
      llvm::SmallString<256> P(Path);
      PP.getFileManager().makeAbsolutePath(P);
      llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
      It->second = std::string(P);
    }
    return It->second;
  }
  /// Records \p Dir / \p Name unless \p Dir is where the header was found;
  /// false once it is (the search stops there).
  bool candidate(StringRef Dir, StringRef Name, const std::string &Found) {
    const std::string &D = absolute(Dir);
    if (D == Found)
      return false;
    llvm::SmallString<256> Path(D);
    llvm::sys::path::append(Path, Name);
    Deps.Absent.push_back(std::string(Path));
    return true;
  }

  const Preprocessor &PP;
  ReadFiles &Deps;
  llvm::StringMap<std::string> Absolute;
};

/// Collects facts and the list of files the TU read, beside clang-tidy.
class FactsConsumer : public ASTConsumer {
public:
  FactsConsumer(FactsCollector &Collector, ReadFiles &Deps)
      : Collector(Collector), Deps(Deps) {
    Collector.registerMatchers(Finder);
    Matcher = Finder.newASTConsumer();
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Matcher->HandleTranslationUnit(Ctx);
    SourceManager &SM = Ctx.getSourceManager();
    // Hash what was parsed, not what is on disk by now: an editor may have
    // saved the file since (fix offsets and cache entries are for these
    // bytes).
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      std::string Name = It->first.getName().str();
      if (std::optional<llvm::MemoryBufferRef> Buf =
              SM.getMemoryBufferForFileOrNone(It->first))
        Deps.Hashes[Name] = contentHash(Buf->getBuffer());
      Deps.Names.push_back(std::move(Name));
    }
  }

private:
  FactsCollector &Collector;
  ReadFiles &Deps;
  ast_matchers::MatchFinder Finder;
  std::unique_ptr<ASTConsumer> Matcher;
};

/// The matchers (clang-tidy's and the facts collector's) traverse only the
/// top-level declarations outside system headers: no finding and no fact
/// comes from the standard library or -isystem third-party code, and
/// traversing their template instantiations was most of the matching cost
/// (docs/performance.md).
///
/// With a BodySkipper, it also tells clang which function bodies to skip.
class UserCodeConsumer : public MultiplexConsumer {
public:
  UserCodeConsumer(std::vector<std::unique_ptr<ASTConsumer>> Consumers,
                   std::unique_ptr<BodySkipper> Skipper)
      : MultiplexConsumer(std::move(Consumers)), Skipper(std::move(Skipper)) {}
  bool shouldSkipFunctionBody(Decl *D) override {
    return Skipper && Skipper->shouldSkip(D);
  }
  void HandleTranslationUnit(ASTContext &Ctx) override {
    const SourceManager &SM = Ctx.getSourceManager();
    std::vector<Decl *> Scope;
    for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (!SM.isInSystemHeader(D->getLocation()))
        Scope.push_back(D);
    Ctx.setTraversalScope(Scope);
    MultiplexConsumer::HandleTranslationUnit(Ctx);
  }

private:
  std::unique_ptr<BodySkipper> Skipper;
};

class MapAction : public ASTFrontendAction {
public:
  MapAction(ClangTidyASTConsumerFactory &Factory, MapState &State)
      : Factory(Factory), State(State) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef File) override {
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<ShadowRecorder>(CI.getPreprocessor(), State.Deps));
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(Factory.createASTConsumer(CI, File));
    Consumers.push_back(
        std::make_unique<FactsConsumer>(State.Collector, State.Deps));
    std::unique_ptr<BodySkipper> Skipper;
    if (State.Libraries)
      Skipper = std::make_unique<BodySkipper>(
          CI.getSourceManager(), *State.Libraries, State.Skipped);
    return std::make_unique<UserCodeConsumer>(std::move(Consumers),
                                              std::move(Skipper));
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  MapState &State;
};
class MapActionFactory : public tooling::FrontendActionFactory {
public:
  MapActionFactory(ClangTidyContext &Ctx, MapState &State)
      : TidyFactory(Ctx), State(State) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<MapAction>(TidyFactory, State);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy does: analysis sees __clang_analyzer__.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    // The consumer decides per declaration (UserCodeConsumer).
    Invocation->getFrontendOpts().SkipFunctionBodies =
        State.Libraries != nullptr;
    return FrontendActionFactory::runInvocation(Invocation, Files, PCH,
                                                DiagConsumer);
  }

private:
  ClangTidyASTConsumerFactory TidyFactory;
  MapState &State;
};

} // namespace

std::unique_ptr<tooling::FrontendActionFactory>
newMapActionFactory(ClangTidyContext &Context, MapState &State) {
  return std::make_unique<MapActionFactory>(Context, State);
}

void addMapArgumentAdjusters(tooling::ClangTool &Tool,
                             const std::vector<std::string> &ExtraArgsBefore,
                             const std::vector<std::string> &ExtraArgs,
                             const ClangTidyOptions &TUOpts) {
  Tool.appendArgumentsAdjuster(tooling::getClangSyntaxOnlyAdjuster());
  Tool.appendArgumentsAdjuster(tooling::getClangStripOutputAdjuster());
  Tool.appendArgumentsAdjuster(tooling::getClangStripDependencyFileAdjuster());
  if (!ExtraArgsBefore.empty())
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN));
  if (!ExtraArgs.empty())
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        ExtraArgs, tooling::ArgumentInsertPosition::END));
  // .clang-tidy ExtraArgsBefore/ExtraArgs, where clang-tidy puts them: after
  // the compiler's name, and at the end.
  if (TUOpts.ExtraArgsBefore && !TUOpts.ExtraArgsBefore->empty())
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        *TUOpts.ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN));
  if (TUOpts.ExtraArgs && !TUOpts.ExtraArgs->empty())
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        *TUOpts.ExtraArgs, tooling::ArgumentInsertPosition::END));
  // Clang's builtin headers live with the LLVM this tool was built against,
  // not beside the poolguard binary.
  Tool.appendArgumentsAdjuster(
      [](const tooling::CommandLineArguments &Args, StringRef) {
        for (const std::string &A : Args)
          if (llvm::StringRef(A).starts_with("-resource-dir"))
            return Args;
        tooling::CommandLineArguments Out = Args;
        Out.insert(Out.begin() + std::min<size_t>(1, Out.size()),
                   "-resource-dir=" POOLGUARD_CLANG_RESOURCE_DIR);
        return Out;
      });
}

} // namespace poolguard
