// Mock of oatpp/web/server/api/ApiController.hpp (oatpp/oatpp 1.3): real
// names and signatures, trimmed.
#ifndef POOLGUARD_MOCK_OATPP_APICONTROLLER_HPP
#define POOLGUARD_MOCK_OATPP_APICONTROLLER_HPP
#include <functional>
#include <memory>
#include <string>
#include "oatpp/core/Types.hpp"

namespace oatpp {
namespace data {
namespace mapping {
class ObjectMapper {};
} // namespace mapping
} // namespace data
namespace web {
namespace protocol {
namespace http {
namespace incoming {
class Request {};
} // namespace incoming
namespace outgoing {
class Response {};
} // namespace outgoing
class Status {
public:
  static const Status CODE_200;
};
} // namespace http
} // namespace protocol
namespace server {
namespace api {
class Endpoint {
public:
  class Info {
  public:
    std::string name, method, path;
  };
};

class ApiController {
public:
  typedef oatpp::web::protocol::http::outgoing::Response OutgoingResponse;
  typedef oatpp::web::protocol::http::incoming::Request IncomingRequest;
  typedef oatpp::web::protocol::http::Status Status;
  typedef std::function<std::shared_ptr<Endpoint::Info>()> EndpointInfoBuilder;

  ApiController(const std::shared_ptr<oatpp::data::mapping::ObjectMapper>
                    &defaultObjectMapper,
                const oatpp::String &routerPrefix = oatpp::String());
  virtual ~ApiController();

  std::shared_ptr<OutgoingResponse>
  createResponse(const Status &status, const oatpp::String &str) const;
};
} // namespace api
} // namespace server
} // namespace web
} // namespace oatpp
#endif
