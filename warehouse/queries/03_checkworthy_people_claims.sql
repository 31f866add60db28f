-- The most check-worthy claims about people.
select quote, subject, place, checkworthiness from claims
where unit = 'person' order by checkworthiness desc limit 10
