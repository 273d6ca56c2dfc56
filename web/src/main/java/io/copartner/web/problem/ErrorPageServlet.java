package io.copartner.web.problem;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors raised outside JAX-RS (unknown paths, the container's own 401/403/500) still answer with problem
 * details; web.xml routes every error page here.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : resp.getStatus();
        Problem problem = status >= 500
            ? Problem.of(ProblemType.INTERNAL, null)
            : WebApplicationExceptionMapper.problemFor(status, null);
        resp.setStatus(problem.status());
        resp.setContentType(ProblemResponses.MEDIA_TYPE);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.getWriter().write(ProblemResponses.toJson(problem));
    }
}
