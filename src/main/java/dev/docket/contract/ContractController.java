package dev.docket.contract;

import dev.docket.access.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

@Controller("/api/contracts")
@ExecuteOn(TaskExecutors.BLOCKING)
class ContractController {

    private final ContractService service;
    private final ContractRepository contracts;
    private final GateRepository gates;
    private final ContractViews views;

    ContractController(ContractService service, ContractRepository contracts, GateRepository gates, ContractViews views) {
        this.service = service;
        this.contracts = contracts;
        this.gates = gates;
        this.views = views;
    }

    @Post
    @Secured(Roles.LEGAL)
    HttpResponse<ContractView> create(@Body @Valid ContractRequest body, Authentication caller) {
        ContractView created = service.create(body, caller.getName());
        return HttpResponse.created(created, URI.create("/api/contracts/" + created.id()));
    }

    @Get("/{id}")
    @Secured(Roles.VIEWER)
    ContractView get(@PathVariable long id) {
        return service.get(id);
    }

    @Get("/by-ref/{externalRef}")
    @Secured(Roles.VIEWER)
    ContractView getByRef(@PathVariable @Pattern(regexp = ContractRequest.EXTERNAL_REF, message = ContractRequest.EXTERNAL_REF_RULE) String externalRef) {
        return service.getByRef(externalRef);
    }

    @Get
    @Secured(Roles.VIEWER)
    @Transactional(readOnly = true)
    ContractPage list(@QueryValue @Nullable ContractStatus status, @QueryValue @Nullable String owner,
                      @QueryValue @Nullable String team,
                      // A String, because Micronaut reads any word but "true" as false ("ready=maybe").
                      @QueryValue @Nullable @Pattern(regexp = "true|false", message = "must be true or false") String ready,
                      @QueryValue(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                      @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        Page<Contract> found = contracts.findAll(new ContractFilter(status, owner, team, ready == null ? null : Boolean.valueOf(ready)).toSpecification(),
                Pageable.from(page, size, Sort.of(Sort.Order.asc("id"))));
        List<Long> ids = found.getContent().stream().map(Contract::id).toList();
        Map<Long, List<Gate>> gatesById = ids.isEmpty() ? Map.of()
                : gates.findByContractIdIn(ids).stream().collect(Collectors.groupingBy(Gate::contractId));
        List<ContractView> items = found.getContent().stream()
                .map(c -> views.view(c, gatesById.getOrDefault(c.id(), List.of())))
                .toList();
        return new ContractPage(items, page, size, found.getTotalSize(), found.getTotalPages());
    }

    @Patch("/{id}")
    @Secured(Roles.LEGAL)
    ContractView update(@PathVariable long id, @Body @Valid ContractPatch body, Authentication caller) {
        return service.update(id, body, caller.getName());
    }

    @Put("/by-ref/{externalRef}")
    @Secured(Roles.LEGAL)
    HttpResponse<ContractView> upsert(@PathVariable @Pattern(regexp = ContractRequest.EXTERNAL_REF, message = ContractRequest.EXTERNAL_REF_RULE) String externalRef,
                                      @Body @Valid ContractRequest body, Authentication caller) {
        ContractService.Upserted result = service.upsert(externalRef, body, caller.getName());
        return result.created()
                ? HttpResponse.created(result.contract(), URI.create("/api/contracts/" + result.contract().id()))
                : HttpResponse.ok(result.contract());
    }

    @Post("/{id}/withdraw")
    @Secured(Roles.LEGAL)
    ContractView withdraw(@PathVariable long id, @Body @Valid Withdrawal body, Authentication caller) {
        return service.withdraw(id, body.version(), caller.getName());
    }

    @Put("/{id}/gates/{gate}")
    @Secured(Roles.LEGAL)
    ContractView setGate(@PathVariable long id, @PathVariable String gate, @Body @Valid GateChange body, Authentication caller) {
        return service.setGate(id, gate, body, caller.getName());
    }
}
