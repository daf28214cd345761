// Mock of oatpp/codegen/ApiController_define.hpp (oatpp/oatpp 1.3): the
// shape of ENDPOINT(METHOD, PATH, NAME) without parameters, trimmed. As in
// oatpp, the macro declares the endpoint's info builder, registers the
// endpoint, defines the proxy handler the router calls for every request,
// and ends with the declaration of NAME, whose body the user writes.
#define ENDPOINT(METHOD, PATH, NAME)                                           \
  EndpointInfoBuilder Z__CREATE_ENDPOINT_INFO_##NAME = [this]() {              \
    auto info = std::make_shared<oatpp::web::server::api::Endpoint::Info>();  \
    info->name = #NAME;                                                        \
    info->method = METHOD;                                                     \
    info->path = PATH;                                                         \
    return info;                                                               \
  };                                                                           \
  std::shared_ptr<OutgoingResponse> Z__PROXY_METHOD_##NAME(                    \
      const std::shared_ptr<IncomingRequest> &__request) {                     \
    (void)__request;                                                           \
    return NAME();                                                             \
  }                                                                            \
  std::shared_ptr<OutgoingResponse> NAME()
