//===----------------------------------------------------------------------===//
//
// Stand-in for clangd's remote index client.
//
// Debian's libclangdMain.a was built with the gRPC remote index, so it refers
// to clang::clangd::remote::getClient, which libclangdRemoteIndex.a defines on
// top of gRPC and protobuf. poolguard-clangd does not link that library (it
// is stripped from the imported clangdMain target in CMakeLists.txt) and
// defines the function here the way upstream does for builds without gRPC
// (clang-tools-extra/clangd/index/remote/unimplemented/). The only loss is
// `--remote-index-address` / `Index: External: Server:`, which then fall back
// to the local index.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

namespace clang::clangd {

// What std::unique_ptr<SymbolIndex> needs of clangd's index/Index.h (not
// installed by distributions): a polymorphic class whose first virtual member
// is its destructor, so deleting goes through the vtable of the dynamic type,
// as with the real class. Nothing is ever deleted here: getClient returns an
// empty pointer. A plain forward declaration is not enough, since a return
// statement potentially invokes the destructor of the returned object.
class SymbolIndex {
public:
  virtual ~SymbolIndex();
};

namespace remote {

// Same signature as clangd/index/remote/Client.h.
std::unique_ptr<clangd::SymbolIndex> getClient(llvm::StringRef Address,
                                               llvm::StringRef IndexRoot);

std::unique_ptr<clangd::SymbolIndex> getClient(llvm::StringRef Address,
                                               llvm::StringRef IndexRoot) {
  llvm::errs() << "poolguard-clangd was built without remote index support; "
                  "ignoring remote index '"
               << Address << "'\n";
  return nullptr;
}

} // namespace remote
} // namespace clang::clangd
