// Mock of userver/server/handlers/http_handler_base.hpp: real names and
// signatures, trimmed. userver calls HandleRequestThrow once per request.
#ifndef POOLGUARD_MOCK_USERVER_HTTP_HANDLER_BASE_HPP
#define POOLGUARD_MOCK_USERVER_HTTP_HANDLER_BASE_HPP
#include <string>
#include <userver/components/component_list.hpp>
namespace userver {
namespace server {
namespace http {
class HttpRequest;
} // namespace http
namespace request {
class RequestContext;
} // namespace request
namespace handlers {
class HttpHandlerBase : public components::ComponentBase {
public:
  HttpHandlerBase(const components::ComponentConfig &config,
                  const components::ComponentContext &context,
                  bool is_monitor = false);
  virtual std::string HandleRequestThrow(const http::HttpRequest &request,
                                         request::RequestContext &context) const;
};
} // namespace handlers
} // namespace server
} // namespace userver
#endif
