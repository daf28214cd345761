// Mock of drogon/HttpController.h: real names and signatures, trimmed. A
// controller class derives from HttpController<T>; drogon calls its handler
// methods once per request.
#ifndef POOLGUARD_MOCK_DROGON_HTTPCONTROLLER_H
#define POOLGUARD_MOCK_DROGON_HTTPCONTROLLER_H
#include "drogon/HttpTypes.h"
#include "drogon/plugins/Plugin.h"
namespace drogon {
class HttpControllerBase {};
template <typename T, bool AutoCreation = true>
class HttpController : public DrObject<T>, public HttpControllerBase {
public:
  static constexpr bool isAutoCreation = AutoCreation;
};
} // namespace drogon
#endif
