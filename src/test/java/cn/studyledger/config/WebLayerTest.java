package cn.studyledger.config;

import cn.studyledger.common.validation.InputLimits;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.org.OrgApi;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web layer of {@code config} alone, without a database or any module's services: the real security filter
 * chains, exception handlers, interceptors and error page around {@link StubHandlers}. A slice ({@code @WebMvcTest})
 * of a few beans, shared by every test class that carries this annotation (one small Spring context), for what
 * needs no data: which answer an error gets, what an anonymous request or a write without a CSRF token gets.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = {StubHandlers.Page.class, StubHandlers.Api.class})
@Import({SecurityConfig.class, ClockConfig.class, InputLimits.class, StubHandlers.Page.class, StubHandlers.Api.class})
@MockitoBean(types = {WorkContext.class, OrgApi.class}) // WorkContextAdvice's, for pages of a signed-in user
@interface WebLayerTest {}
