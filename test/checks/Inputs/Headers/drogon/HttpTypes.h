// Mock of drogon's request and response types (HttpRequest.h,
// HttpResponse.h, HttpTypes.h): real names, trimmed.
#ifndef POOLGUARD_MOCK_DROGON_HTTPTYPES_H
#define POOLGUARD_MOCK_DROGON_HTTPTYPES_H
#include <functional>
#include <memory>
#include <string>
namespace drogon {
enum HttpMethod { Get = 0, Post, Head, Put, Delete, Options, Patch, Invalid };
class HttpRequest {
public:
  virtual ~HttpRequest();
  virtual const std::string &path() const = 0;
};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;
class HttpResponse {
public:
  virtual ~HttpResponse();
  static std::shared_ptr<HttpResponse> newHttpResponse();
};
using HttpResponsePtr = std::shared_ptr<HttpResponse>;
namespace internal {
class HttpConstraint {
public:
  HttpConstraint(HttpMethod method);
};
} // namespace internal
} // namespace drogon
#endif
